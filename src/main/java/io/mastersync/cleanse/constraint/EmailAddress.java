package io.mastersync.cleanse.constraint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The value, when present, must be an e-mail address that can receive mail: one {@code @}, a local part of
 * at most 64 characters without blanks, and a domain of dot-separated labels with a top-level domain of at
 * least two letters. Stricter than {@link jakarta.validation.constraints.Email}, which accepts
 * {@code jane@example}; null is valid.
 */
@Documented
@Constraint(validatedBy = EmailAddressValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default "must be an e-mail address with a domain such as example.com";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
