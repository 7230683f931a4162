package io.mastersync.quality;

import java.util.Locale;
import java.util.Optional;

/** What a failing check means: {@code error} fails the run's verdict, {@code warning} only flags it. */
public enum CheckSeverity {
    ERROR, WARNING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CheckSeverity> ofCode(String code) {
        for (CheckSeverity s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
