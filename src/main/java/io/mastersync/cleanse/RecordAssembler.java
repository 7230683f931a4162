package io.mastersync.cleanse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.CanonicalRecord;
import io.mastersync.canonical.EntityType;

/**
 * Parses the cleansed field texts of a row into a typed canonical record. A value that does not parse
 * becomes an error violation naming the field and the value; the field is then left empty so that the
 * remaining constraints can still be checked. Immutable and thread-safe.
 */
public final class RecordAssembler {

    private final EntityType entity;
    private final ValueFormats formats;
    private final List<DateTimeFormatter> timestampFormatters;

    public RecordAssembler(EntityType entity, ValueFormats formats) {
        this.entity = entity;
        this.formats = formats;
        this.timestampFormatters = formats.timestampFormatters();
    }

    public CanonicalRecord assemble(FieldValues fields, List<Violation> violations) {
        List<CanonicalField> defs = entity.fields();
        Object[] typed = new Object[defs.size()];
        for (int i = 0; i < typed.length; i++) {
            String text = fields.get(i);
            if (text == null) {
                continue;
            }
            CanonicalField def = defs.get(i);
            typed[i] = switch (def.type()) {
                case TEXT -> text;
                case DECIMAL -> decimal(def, text, fields.isCanonical(i), violations);
                case TIMESTAMP -> timestamp(def, text, violations);
                case DATE -> date(def, text, violations);
            };
        }
        return entity.create(typed);
    }

    /**
     * @param canonical the text is a normalizer's output, in plain notation whatever the feed's formats say, which
     *                  describe the raw export
     */
    private BigDecimal decimal(CanonicalField def, String text, boolean canonical, List<Violation> violations) {
        String plain = text;
        if (!canonical && (formats.groupingSeparator() != null || formats.decimalSeparator() != '.')) {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (formats.groupingSeparator() != null && c == formats.groupingSeparator()) {
                    continue;
                }
                sb.append(c == formats.decimalSeparator() ? '.' : c);
            }
            plain = sb.toString();
        }
        try {
            return new BigDecimal(plain.trim());
        } catch (NumberFormatException e) {
            violations.add(Violation.error(def.name(), "number-format", def.name() + ": '" + text + "' is not a number"
                    + (canonical ? " in plain notation" : " (decimal separator '" + formats.decimalSeparator() + "')"),
                    text));
            return null;
        }
    }

    /**
     * ISO {@code yyyy-MM-dd} (what the {@code date} normalizer writes), else the feed's timestamp formats, of which
     * only the date counts: a feed whose dates come as {@code 31.12.1970} lists that pattern once for both kinds.
     */
    private LocalDate date(CanonicalField def, String text, List<Violation> violations) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            // try the feed's patterns
        }
        for (DateTimeFormatter formatter : timestampFormatters) {
            try {
                return LocalDateTime.parse(text, formatter).toLocalDate();
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        violations.add(Violation.error(def.name(), "date-format",
                def.name() + ": '" + text + "' is not a date (yyyy-MM-dd or one of " + formats.timestampPatterns()
                        + ")", text));
        return null;
    }

    /**
     * The feed's timestamp formats, else ISO {@code yyyy-MM-ddTHH:mm:ss[.fraction]}: what the {@code timestamp}
     * normalizer writes and how a JDBC source renders its typed timestamps, whatever formats the feed lists.
     */
    private LocalDateTime timestamp(CanonicalField def, String text, List<Violation> violations) {
        for (DateTimeFormatter formatter : timestampFormatters) {
            try {
                return LocalDateTime.parse(text, formatter);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            // reported below
        }
        violations.add(Violation.error(def.name(), "timestamp-format",
                def.name() + ": '" + text + "' matches none of the timestamp formats " + formats.timestampPatterns(),
                text));
        return null;
    }
}
