package io.mastersync.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.EntityType;

/**
 * An entity's row of {@code mdm_match_model}: the model its last full match estimated (as {@link
 * io.mastersync.match.EmResultText}), the match file it was estimated with, and the latest run whose match pairs
 * are complete. An incremental match starts from that run's pairs.
 */
record MatchModelState(String settingsHash, long trainedRun, long matchedRun, long stagedRecords,
        long changedRecords, String model, Map<String, Integer> blockLimits) {

    static MatchModelState load(JdbcTemplate jdbc, EntityType entity) {
        List<MatchModelState> rows = jdbc.query("SELECT settings_hash, trained_run, matched_run, staged_records, "
                + "changed_records, model, block_limits FROM mdm_match_model WHERE entity = ?",
                (rs, i) -> new MatchModelState(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6), parseLimits(rs.getString(7))), entity.code());
        return rows.isEmpty() ? null : rows.get(0);
    }

    void save(JdbcTemplate jdbc, EntityType entity) {
        delete(jdbc, entity);
        jdbc.update("INSERT INTO mdm_match_model (entity, settings_hash, trained_run, matched_run, staged_records, "
                + "changed_records, model, block_limits) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entity.code(), settingsHash,
                trainedRun, matchedRun, stagedRecords, changedRecords, model, formatLimits(blockLimits));
    }

    /** One line per rule, {@code <size>\t<rule id>}: rule ids are the match file's, which may hold any text. */
    static String formatLimits(Map<String, Integer> limits) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(limits).forEach((rule, size) -> out.append(size).append('\t').append(rule).append('\n'));
        return out.toString();
    }

    static Map<String, Integer> parseLimits(String text) {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                limits.put(line.substring(tab + 1), Integer.parseInt(line.substring(0, tab)));
            }
        }
        return limits;
    }

    static void delete(JdbcTemplate jdbc, EntityType entity) {
        jdbc.update("DELETE FROM mdm_match_model WHERE entity = ?", entity.code());
    }

    /** SHA-256 of the match file's bytes: any edit (thresholds, comparisons, blocking) asks for a full match. */
    static String settingsHash(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read match file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
