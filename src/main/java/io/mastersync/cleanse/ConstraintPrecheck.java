package io.mastersync.cleanse;

import java.lang.annotation.Annotation;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.mastersync.canonical.CanonicalRecord;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;

/**
 * A fast yes to "does this record satisfy every constraint?", built once from the same annotations that
 * Hibernate Validator reads and evaluated with Hibernate Validator's own constraint validators, but
 * without the engine's per-call bookkeeping (property paths, violation sets, reflection). Most legacy
 * rows are valid, so most rows stop here; a row it does not pass goes through the full
 * {@link jakarta.validation.Validator}, which produces the violations. It can therefore only make
 * validation faster, never different: it answers "valid" only when every constraint's validator said so.
 * Thread-safe (the validators are initialised once and are stateless).
 */
final class ConstraintPrecheck {

    /** Built-in constraints and the Hibernate Validator class that checks them for our value types. */
    private static final Map<String, String> BUILT_IN = Map.of(
            "jakarta.validation.constraints.NotBlank",
            "org.hibernate.validator.internal.constraintvalidators.bv.NotBlankValidator",
            "jakarta.validation.constraints.Size",
            "org.hibernate.validator.internal.constraintvalidators.bv.size.SizeValidatorForCharSequence",
            "jakarta.validation.constraints.Pattern",
            "org.hibernate.validator.internal.constraintvalidators.bv.PatternValidator",
            "jakarta.validation.constraints.Email",
            "org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator",
            "jakarta.validation.constraints.DecimalMin",
            "org.hibernate.validator.internal.constraintvalidators.bv.number.bound.decimal.DecimalMinValidatorForBigDecimal",
            "jakarta.validation.constraints.AssertTrue",
            "org.hibernate.validator.internal.constraintvalidators.bv.AssertTrueValidator");

    private final List<Check> checks;

    private ConstraintPrecheck(List<Check> checks) {
        this.checks = checks;
    }

    /** The precheck for a record type, or null when one of its constraints is not covered (then always validate fully). */
    static ConstraintPrecheck of(Class<? extends CanonicalRecord> type) {
        try {
            List<Check> checks = new ArrayList<>();
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (RecordComponent component : type.getRecordComponents()) {
                Annotation[] annotations = type.getDeclaredField(component.getName()).getAnnotations();
                add(checks, annotations, getter(lookup, component.getAccessor()));
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.getParameterCount() == 0 && hasConstraint(method.getAnnotations())) {
                    method.setAccessible(true);
                    add(checks, method.getAnnotations(), getter(lookup, method));
                }
            }
            return new ConstraintPrecheck(List.copyOf(checks));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    boolean certainlyValid(CanonicalRecord record) {
        try {
            for (Check check : checks) {
                if (!check.validator.isValid(check.getter.apply(record), null)) {
                    return false;
                }
            }
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * The value of a component or method as a plain function, called once per constraint and row: a lambda
     * class for public methods of public types, else (the record's package-private checks) a method handle.
     */
    @SuppressWarnings("unchecked")
    private static Function<CanonicalRecord, Object> getter(MethodHandles.Lookup lookup, Method method)
            throws ReflectiveOperationException {
        MethodHandle handle = lookup.unreflect(method);
        if (Modifier.isPublic(method.getModifiers()) && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            try {
                CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                        MethodType.methodType(Object.class, Object.class), handle,
                        MethodType.methodType(Object.class, method.getDeclaringClass()));
                return (Function<CanonicalRecord, Object>) site.getTarget().invoke();
            } catch (Throwable e) {
                // fall back to the method handle
            }
        }
        MethodHandle typed = handle.asType(MethodType.methodType(Object.class, CanonicalRecord.class));
        return record -> {
            try {
                return (Object) typed.invokeExact(record);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void add(List<Check> checks, Annotation[] annotations, Function<CanonicalRecord, Object> getter)
            throws ReflectiveOperationException {
        for (Annotation annotation : annotations) {
            Constraint constraint = annotation.annotationType().getAnnotation(Constraint.class);
            if (constraint == null) {
                continue;
            }
            Class<?> validatorClass = constraint.validatedBy().length == 1 ? constraint.validatedBy()[0]
                    : Class.forName(required(annotation));
            ConstraintValidator validator = (ConstraintValidator) validatorClass.getDeclaredConstructor().newInstance();
            validator.initialize(annotation);
            checks.add(new Check(getter, validator));
        }
    }

    private static String required(Annotation annotation) {
        String name = BUILT_IN.get(annotation.annotationType().getName());
        if (name == null) {
            throw new IllegalStateException("no precheck for " + annotation.annotationType().getName());
        }
        return name;
    }

    private static boolean hasConstraint(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().isAnnotationPresent(Constraint.class)) {
                return true;
            }
        }
        return false;
    }

    private record Check(Function<CanonicalRecord, Object> getter,
            @SuppressWarnings("rawtypes") ConstraintValidator validator) {
    }
}
