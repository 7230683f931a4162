package io.mastersync.canonical;

import java.math.BigDecimal;

/**
 * 64-bit fingerprints of canonical records: of the source key (to find a record among a million without
 * holding their keys), of the content (to tell whether a record changed since it was staged) and of the
 * source values a record was cleansed from (to skip cleansing a row that did not change at all). A
 * change of any canonical field changes the content hash with overwhelming probability; equal content
 * always gives equal hashes (decimals are compared by value, {@code 1.50} equals {@code 1.5}).
 * Stateless and thread-safe.
 */
public final class RecordFingerprint {

    private static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private RecordFingerprint() {
    }

    public static long key(String sourceKey) {
        return finish(mix(SEED, sourceKey));
    }

    /**
     * Customer fields before {@code birth-date} was appended. Fields appended to a record type later leave the hash
     * unchanged while empty, so the content hashes staged by an earlier release stay valid: without this the first
     * delta sync after an upgrade would count every customer as changed.
     */
    private static final int CUSTOMER_FIELDS_BEFORE_BIRTH_DATE = 20;

    /** Over every canonical field except source system and key (which identify the record). */
    public static long content(CanonicalRecord record) {
        Object[] values = record.values();
        int appendedFrom = record instanceof Customer ? CUSTOMER_FIELDS_BEFORE_BIRTH_DATE : values.length;
        long h = SEED;
        for (int i = 2; i < values.length; i++) {
            Object v = values[i];
            if (v == null && i >= appendedFrom) {
                continue;
            }
            h = (h ^ (i + 1)) * PRIME;
            if (v == null) {
                h = (h ^ 0xFF) * PRIME;
            } else if (v instanceof BigDecimal d) {
                h = mix(h, d.stripTrailingZeros().toPlainString());
            } else {
                h = mix(h, v.toString());
            }
        }
        return finish(h);
    }

    /**
     * Over source values in order (null distinct from empty), starting from a seed that stands for everything
     * else that shaped the cleansed record (rules, formats, mapping).
     */
    public static long source(long seed, String[] values) {
        long h = seed;
        for (int i = 0; i < values.length; i++) {
            h = (h ^ (i + 1)) * PRIME;
            h = values[i] == null ? (h ^ 0xFF) * PRIME : mix(h, values[i]);
        }
        return finish(h);
    }

    /** A seed for {@link #source} from a description of the cleansing setup. */
    public static long seed(String description) {
        return finish(mix(SEED, description));
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return (h ^ 0x1F) * PRIME;
    }

    /** MurmurHash3's finalizer: spreads FNV's weak low bits; never 0, which marks empty slots. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
