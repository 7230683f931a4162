package io.mastersync.cleanse.normalize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code weight-unit} and {@code weight}.
 *
 * <p>{@code weight-unit} (no options) normalizes a weight unit field: {@code kg}, {@code KGS} to {@code KGM},
 * {@code g} to {@code GRM}, {@code mg} to {@code MGM}, {@code lb}, {@code lbs} to {@code LBR}, {@code oz} to
 * {@code ONZ}, {@code t} to {@code TNE}; anything else, including non-weight units, is a Problem
 * {@code unknown-weight-unit}. It is created by {@link #unitNormalizer()}.
 *
 * <p>{@code weight} converts a weight value to one unit. Options: {@code unit-field} (required): the field
 * holding the value's unit (any spelling {@code weight-unit} accepts); {@code to} (default {@code KGM}): target
 * unit; {@code scale} (default 6): maximum decimals, rounded half-even, trailing zeros removed. The value must
 * be a plain decimal ({@code 1234.5}; chain {@code decimal} first). As extra output, the unit field is set to
 * the target unit so value and unit stay consistent. A missing or unknown unit or a non-numeric value is a
 * Problem. Blank values pass unchanged. Thread-safe.
 */
public final class WeightConverter implements Normalizer {

    /** Exact factors to kilogram (the pound and ounce by their 1959 international definitions). */
    static final Map<String, BigDecimal> FACTORS_TO_KG = Map.of(
            "KGM", BigDecimal.ONE,
            "GRM", new BigDecimal("0.001"),
            "MGM", new BigDecimal("0.000001"),
            "TNE", new BigDecimal("1000"),
            "LBR", new BigDecimal("0.45359237"),
            "ONZ", new BigDecimal("0.028349523125"));

    private static final UnitOfMeasureNormalizer UNITS = UnitOfMeasureNormalizer.weightUnits();

    private final String unitField;
    private final String target;
    private final int scale;

    public WeightConverter(String unitField, String target, int scale) {
        this.unitField = unitField;
        this.target = target;
        this.scale = scale;
    }

    /** The {@code weight-unit} normalizer. */
    public static Normalizer unitNormalizer() {
        return UNITS;
    }

    static WeightConverter create(NormalizerOptions options) {
        String field = options.required("unit-field").trim();
        String to = options.string("to", "KGM");
        String target = UNITS.toCode(to);
        if (target == null) {
            throw options.invalid("to", "must be a weight unit such as KGM, GRM, LBR, not '" + to + "'");
        }
        int scale = options.integer("scale", 6);
        return new WeightConverter(field, target, scale);
    }

    @Override
    public boolean writesCanonicalNotation() {
        return true;
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null || value.isBlank()) {
            return new NormalizerResult.Unchanged(value);
        }
        String unitValue = record.get(unitField);
        if (unitValue == null || unitValue.isBlank()) {
            return NormalizerResult.problem(value, "no-weight-unit", "weight '" + value + "' has no unit in field '" + unitField + "'");
        }
        String unit = UNITS.toCode(unitValue);
        if (unit == null) {
            return NormalizerResult.problem(value, "unknown-weight-unit", "weight '" + value + "' has unknown unit '" + unitValue + "'");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(TextChars.trim(value));
        } catch (NumberFormatException e) {
            return NormalizerResult.problem(value, "invalid-number", "weight '" + value + "' is not a plain decimal number");
        }
        BigDecimal converted = unit.equals(target) ? amount
                : amount.multiply(FACTORS_TO_KG.get(unit)).divide(FACTORS_TO_KG.get(target), scale, RoundingMode.HALF_EVEN);
        converted = converted.setScale(Math.min(scale, Math.max(converted.scale(), 0)), RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (converted.signum() == 0) {
            converted = BigDecimal.ZERO;
        }
        Map<String, String> outputs = new HashMap<>();
        if (!target.equals(unitValue)) {
            outputs.put(unitField, target);
        }
        return NormalizerResult.of(value, converted.toPlainString(), outputs);
    }
}
