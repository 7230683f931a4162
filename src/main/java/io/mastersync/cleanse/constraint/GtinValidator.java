package io.mastersync.cleanse.constraint;

import io.mastersync.cleanse.normalize.GtinCheckDigit;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class GtinValidator implements ConstraintValidator<Gtin, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || GtinCheckDigit.isValid(value);
    }
}
