package io.mastersync.cleanse.constraint;

import io.mastersync.cleanse.normalize.GtinCheckDigit;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class GtinValidator implements ConstraintValidator<Gtin, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int n = value.length();
        return (n == 8 || n == 12 || n == 13 || n == 14) && GtinCheckDigit.isValid(value);
    }
}
