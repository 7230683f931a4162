package io.mastersync.cleanse.constraint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The value, when present, must be a valid GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14) with a correct check digit. Null is valid (use NotBlank to require a value). */
@Documented
@Constraint(validatedBy = GtinValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Gtin {

    String message() default "must be a valid GTIN (EAN-8, UPC-A, EAN-13 or GTIN-14) with a correct check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
