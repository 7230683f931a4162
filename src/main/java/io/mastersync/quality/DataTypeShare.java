package io.mastersync.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * What the present values of a column parse as (see {@link Values#typeOf}). With a {@code type}: the
 * share of values of that type ({@code data-type-share:integer}). Without: the share of the dominant
 * type ({@code data-type}), with every type's count and share as detail, dominant type first.
 */
public record DataTypeShare(String column, DataType type) implements Analyzer<TypeCountState> {

    public DataTypeShare(String column) {
        this(column, null);
    }

    @Override
    public String metricName() {
        return type == null ? "data-type" : "data-type-share:" + type.code();
    }

    @Override
    public TypeCountState initial() {
        return new TypeCountState();
    }

    @Override
    public TypeCountState update(TypeCountState state, Object value) {
        return Values.isMissing(value) ? state : state.add(Values.typeOf(value));
    }

    @Override
    public Metric metric(String dataset, TypeCountState state) {
        if (type != null) {
            return metric(dataset, state.share(type));
        }
        DataType dominant = state.dominant();
        List<Metric.Bucket> detail = new ArrayList<>();
        if (dominant != null) {
            detail.add(new Metric.Bucket(dominant.code(), state.count(dominant), state.share(dominant)));
        }
        for (DataType t : DataType.values()) {
            if (t != dominant && state.count(t) > 0) {
                detail.add(new Metric.Bucket(t.code(), state.count(t), state.share(t)));
            }
        }
        return metric(dataset, dominant == null ? Double.NaN : state.share(dominant)).withDetail(detail);
    }
}
