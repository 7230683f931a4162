package io.mastersync.load;

import java.util.ArrayList;
import java.util.List;

import io.mastersync.canonical.CanonicalField;
import io.mastersync.canonical.EntityType;

/** Column lists of the staging tables: the canonical fields, then the lineage columns. */
public final class StagingColumns {

    /** Lineage written with every staged row, after the canonical fields. */
    public static final List<String> LINEAGE = List.of("run_id", "feed", "source_file", "source_line", "record_no",
            "loaded_at", "key_hash", "content_hash", "source_hash");

    private StagingColumns() {
    }

    public static List<String> dataColumns(EntityType entity) {
        return entity.fields().stream().map(CanonicalField::column).toList();
    }

    public static List<String> all(EntityType entity) {
        List<String> all = new ArrayList<>(dataColumns(entity));
        all.addAll(LINEAGE);
        return all;
    }
}
