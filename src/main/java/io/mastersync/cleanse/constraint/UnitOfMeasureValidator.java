package io.mastersync.cleanse.constraint;

import io.mastersync.cleanse.normalize.UnitOfMeasureCodes;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class UnitOfMeasureValidator implements ConstraintValidator<UnitOfMeasure, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || UnitOfMeasureCodes.isKnown(value);
    }
}
