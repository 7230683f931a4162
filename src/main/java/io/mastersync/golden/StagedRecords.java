package io.mastersync.golden;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;
import io.mastersync.canonical.FieldType;

/**
 * The staged records of one entity (every source system), in (source system, source key) order, held
 * compactly: one {@code String[]} per record with only the requested fields, repeated values shared.
 */
public final class StagedRecords {

    private final EntityType entity;
    private final List<String> fields;
    private final String[] systems;
    private final String[] keys;
    private final String[][] values;
    /** Per record the run that last wrote its staged row. */
    private final long[] runs;

    private StagedRecords(EntityType entity, List<String> fields, String[] systems, String[] keys,
            String[][] values, long[] runs) {
        this.entity = entity;
        this.fields = fields;
        this.systems = systems;
        this.keys = keys;
        this.values = values;
        this.runs = runs;
    }

    public static String column(String field) {
        return field.replace('-', '_');
    }

    /** Loads the given canonical fields (besides source system and key) of every live staged record. */
    public static StagedRecords load(JdbcTemplate jdbc, EntityType entity, List<String> fields) {
        StringBuilder sql = new StringBuilder("SELECT source_system, source_key, run_id");
        for (String f : fields) {
            sql.append(", ").append(column(f));
        }
        // rows a sync soft-deleted are gone from the source: they belong to no cluster and no golden record
        sql.append(" FROM ").append(entity.stagingTable())
                .append(" WHERE deleted_at IS NULL ORDER BY source_system, source_key");
        FieldType[] types = new FieldType[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = entity.field(fields.get(i)).orElseThrow().type();
        }
        List<String> sys = new ArrayList<>();
        List<String> ks = new ArrayList<>();
        List<String[]> vals = new ArrayList<>();
        long[][] runs = {new long[1024]};
        Sharing systems = new Sharing();
        Sharing[] sharing = new Sharing[types.length];
        for (int i = 0; i < sharing.length; i++) {
            sharing[i] = new Sharing();
        }
        jdbc.setFetchSize(5000);
        jdbc.query(sql.toString(), (ResultSet rs) -> {
            sys.add(systems.share(rs.getString(1)));
            ks.add(rs.getString(2));
            int at = vals.size();
            if (at == runs[0].length) {
                runs[0] = java.util.Arrays.copyOf(runs[0], at * 2);
            }
            runs[0][at] = rs.getLong(3);
            String[] v = new String[types.length];
            for (int i = 0; i < types.length; i++) {
                v[i] = sharing[i].share(text(rs, i + 4, types[i]));
            }
            vals.add(v);
        });
        return new StagedRecords(entity, List.copyOf(fields), sys.toArray(String[]::new), ks.toArray(String[]::new),
                vals.toArray(String[][]::new), java.util.Arrays.copyOf(runs[0], vals.size()));
    }

    /** Receives the fields of one staged record. */
    @FunctionalInterface
    interface RecordValues {
        void accept(String system, String key, String[] values);
    }

    /**
     * The given fields of the live staged records with the given (source system, source key), in statements of a
     * few hundred keys each: for the few records an incremental step needs, instead of every record.
     */
    static void forEachByKeys(JdbcTemplate jdbc, EntityType entity, List<String> fields, List<String[]> keys,
            RecordValues out) {
        StringBuilder sql = new StringBuilder("SELECT source_system, source_key");
        FieldType[] types = new FieldType[fields.size()];
        for (int i = 0; i < types.length; i++) {
            sql.append(", ").append(column(fields.get(i)));
            types[i] = entity.field(fields.get(i)).orElseThrow().type();
        }
        sql.append(" FROM ").append(entity.stagingTable())
                .append(" WHERE deleted_at IS NULL AND source_system = ? AND source_key IN (");
        Batches.keysBySystem(keys, 500, (system, batch) -> {
            List<Object> args = new ArrayList<>(batch.size() + 1);
            args.add(system);
            args.addAll(batch);
            jdbc.query(sql + Batches.marks(batch.size()) + ")", (ResultSet rs) -> {
                String[] v = new String[types.length];
                for (int i = 0; i < types.length; i++) {
                    v[i] = text(rs, i + 3, types[i]);
                }
                out.accept(rs.getString(1), rs.getString(2), v);
            }, args.toArray());
        });
    }

    /**
     * One String object per repeated value of a column (country, currency, city), to keep a million records small.
     * A column whose values rarely repeat (names, e-mail addresses) stops sharing after a sample: looking each of a
     * million distinct values up in a map cost more than the records saved.
     */
    private static final class Sharing {
        private static final int SAMPLE = 20_000;
        private static final int MAX_VALUES = 100_000;
        private final Map<String, String> values = new HashMap<>();
        private boolean enabled = true;
        private int lookups;
        private int hits;

        String share(String s) {
            if (s == null || !enabled || s.length() > 40) {
                return s;
            }
            String prior = values.get(s);
            if (prior != null) {
                hits++;
            } else if (values.size() < MAX_VALUES) {
                values.put(s, s);
            }
            if (++lookups == SAMPLE && hits < SAMPLE / 2) {
                enabled = false;
                values.clear();
            }
            return prior != null ? prior : s;
        }
    }

    static String text(ResultSet rs, int col, FieldType type) throws SQLException {
        switch (type) {
            case DECIMAL: {
                BigDecimal d = rs.getBigDecimal(col);
                return d == null ? null : d.stripTrailingZeros().toPlainString();
            }
            case TIMESTAMP: {
                Timestamp t = rs.getTimestamp(col);
                return t == null ? null : t.toLocalDateTime().toString();
            }
            case DATE: {
                java.sql.Date d = rs.getDate(col);
                return d == null ? null : d.toLocalDate().toString();
            }
            default:
                return rs.getString(col);
        }
    }

    /** A value as a JDBC parameter of its column type. */
    public static Object parameter(FieldType type, String text) {
        if (text == null) {
            return null;
        }
        switch (type) {
            case DECIMAL:
                return new BigDecimal(text);
            case TIMESTAMP:
                return Timestamp.valueOf(LocalDateTime.parse(text));
            case DATE:
                return java.time.LocalDate.parse(text);
            default:
                return text;
        }
    }

    public int size() {
        return keys.length;
    }

    public EntityType entity() {
        return entity;
    }

    public List<String> fields() {
        return fields;
    }

    public String system(int i) {
        return systems[i];
    }

    public String key(int i) {
        return keys[i];
    }

    public String[] values(int i) {
        return values[i];
    }

    /** The run that last wrote record {@code i}'s staged row (loaded it, or a sync that changed it). */
    public long run(int i) {
        return runs[i];
    }

    /** Index of a record by its key, built on demand. */
    public Map<String, Integer> index() {
        Map<String, Integer> index = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            index.put(ref(systems[i], keys[i]), i);
        }
        return index;
    }

    static String ref(String system, String key) {
        return system + '\u0000' + key;
    }

    /** All canonical fields of an entity except source system and key. */
    public static List<String> allFields(EntityType entity) {
        List<String> out = new ArrayList<>();
        for (CanonicalField f : entity.fields()) {
            if (!f.name().equals("source-system") && !f.name().equals("source-key")) {
                out.add(f.name());
            }
        }
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
