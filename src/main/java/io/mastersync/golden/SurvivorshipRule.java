package io.mastersync.golden;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one golden field is chosen among the values of a cluster's records (missing values never win).
 *
 * @param kind       the rule
 * @param priority   for {@code source-priority}: source systems, best first (empty: the file's global order)
 * @param fixedValue for {@code fixed}: the value
 * @param fixedSource for {@code fixed}: only when the cluster has a record of this source system (null: always)
 * @param otherwise  for {@code fixed} with a source: the rule when the cluster has no record of that source
 */
public record SurvivorshipRule(Kind kind, List<String> priority, String fixedValue, String fixedSource,
        SurvivorshipRule otherwise) {

    public enum Kind {
        SOURCE_PRIORITY("source-priority"), MOST_RECENT("most-recent"), MOST_COMPLETE("most-complete"),
        MOST_FREQUENT("most-frequent"), LONGEST("longest"), FIXED("fixed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Kind> ofCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        public static String codes() {
            StringBuilder sb = new StringBuilder();
            for (Kind k : values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k.code);
            }
            return sb.toString();
        }
    }

    public SurvivorshipRule {
        priority = priority == null ? List.of() : List.copyOf(priority);
    }

    public static SurvivorshipRule of(Kind kind) {
        return new SurvivorshipRule(kind, List.of(), null, null, null);
    }
}
