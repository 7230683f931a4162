package io.mastersync.cleanse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import io.mastersync.canonical.CanonicalRecord;
import io.mastersync.cleanse.constraint.Severity;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Checks a canonical record against the Bean Validation constraints of the canonical model (GTIN check
 * digit, ISO country and currency, unit codes, email, sizes) and reports them as {@link Violation}s in
 * the same form as the rules-file checks. Thread-safe.
 */
public final class RecordValidator implements AutoCloseable {

    private static final Comparator<Violation> ORDER = Comparator
            .comparing(Violation::field, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Violation::rule);

    private final ValidatorFactory factory;
    private final Validator validator;
    private final Map<Class<?>, Optional<ConstraintPrecheck>> prechecks = new ConcurrentHashMap<>();

    public RecordValidator() {
        // The parameter interpolator needs no expression language: messages are data, not code.
        this.factory = jakarta.validation.Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    public void validate(CanonicalRecord record, List<Violation> violations) {
        Optional<ConstraintPrecheck> precheck = prechecks.computeIfAbsent(record.getClass(),
                type -> Optional.ofNullable(ConstraintPrecheck.of(record.getClass())));
        if (precheck.isPresent() && precheck.get().certainlyValid(record)) {
            return;
        }
        Set<ConstraintViolation<CanonicalRecord>> found = validator.validate(record);
        if (found.isEmpty()) {
            return;
        }
        // the validator returns a hash set: sort so that reruns and restarts store identical reasons
        List<Violation> sorted = new ArrayList<>(found.size());
        for (ConstraintViolation<CanonicalRecord> v : found) {
            sorted.add(toViolation(v));
        }
        sorted.sort(ORDER);
        violations.addAll(sorted);
    }

    private static Violation toViolation(ConstraintViolation<CanonicalRecord> v) {
        String field = kebab(v.getPropertyPath().toString());
        boolean warning = v.getConstraintDescriptor().getPayload().contains(Severity.Warning.class);
        Object invalid = v.getInvalidValue();
        boolean recordLevel = invalid instanceof Boolean;
        // a record-level check is named by what it checks (list-price-with-currency), not "AssertTrue"
        String rule = recordLevel ? field : v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String value = invalid == null || recordLevel ? null : String.valueOf(invalid);
        String message = recordLevel ? v.getMessage()
                : field + ": " + v.getMessage() + (value == null ? " (no value)" : " (value '" + value + "')");
        Violation.Severity severity = warning ? Violation.Severity.WARNING : Violation.Severity.ERROR;
        return new Violation(recordLevel ? null : field, rule, severity, message, value);
    }

    /** {@code listPrice} to {@code list-price}; {@code street1} to {@code street-1}. */
    static String kebab(String property) {
        StringBuilder sb = new StringBuilder(property.length() + 4);
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            if (Character.isUpperCase(c) || (Character.isDigit(c) && i > 0 && !Character.isDigit(property.charAt(i - 1)))) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        factory.close();
    }
}
