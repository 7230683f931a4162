package io.mastersync.cleanse.constraint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value, when present, must be a UN/ECE Recommendation 20 unit code. Null is valid (use NotBlank to require a value). */
@Documented
@Constraint(validatedBy = UnitOfMeasureValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnitOfMeasure {

    String message() default "must be a UN/ECE Recommendation 20 unit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
