package io.mastersync.cleanse.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mastersync.canonical.EntityType;
import io.mastersync.cleanse.FieldValues;

/**
 * A violation message with placeholders: {@code {field}} (the checked field's name), {@code {value}} (its
 * value) and {@code {<field-name>}} (the value of any field of the entity, kebab-case, e.g.
 * {@code {postal-code}}). Empty values render as {@code (empty)}. Unknown placeholders are refused when the
 * rules file is parsed. Immutable.
 */
final class MessageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_-]+)}");

    private final List<Object> parts;

    private MessageTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /**
     * @param forField whether {@code {field}} and {@code {value}} are available (field checks) or not
     *                 (record checks without a field, filters)
     * @throws IllegalArgumentException naming an unknown placeholder
     */
    static MessageTemplate parse(String template, EntityType entity, boolean forField) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            parts.add(template.substring(last, m.start()));
            String name = m.group(1);
            if (name.equals("field") || name.equals("value")) {
                if (!forField) {
                    throw new IllegalArgumentException("placeholder {" + name + "} needs a field; give the check a "
                            + "'field:' or name the field, e.g. {postal-code}");
                }
                parts.add(new Placeholder(name, -1));
            } else {
                String field = RuleExpression.fieldName(name);
                int index = entity.indexOf(field);
                if (index < 0) {
                    throw new IllegalArgumentException("unknown placeholder {" + name + "}: not {field}, {value} or a "
                            + entity.code() + " field");
                }
                parts.add(new Placeholder(field, index));
            }
            last = m.end();
        }
        parts.add(template.substring(last));
        return new MessageTemplate(List.copyOf(parts));
    }

    String render(FieldValues values, String field, String value) {
        StringBuilder sb = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder) {
                Placeholder p = (Placeholder) part;
                if (p.index >= 0) {
                    sb.append(show(values.get(p.index)));
                } else if (p.name.equals("field")) {
                    sb.append(field);
                } else {
                    sb.append(show(value));
                }
            } else {
                sb.append((String) part);
            }
        }
        return sb.toString();
    }

    private static String show(String value) {
        return value == null || value.isEmpty() ? "(empty)" : value;
    }

    private record Placeholder(String name, int index) {
    }
}
