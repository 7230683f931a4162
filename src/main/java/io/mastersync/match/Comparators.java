package io.mastersync.match;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The comparators by short name. A factory gets the comparison's parameters and every value of the field in
 * the data set (for comparators that learn from the data, like {@code tfidf-cosine}).
 */
public final class Comparators {

    /** Builds a comparator for one comparison. */
    @FunctionalInterface
    public interface Factory {
        FieldComparator create(Map<String, String> params, Collection<String> fieldValues);
    }

    private record Entry(Factory factory, List<Double> defaultLevels, Set<String> params) {
    }

    private static final Map<String, Entry> REGISTRY = new ConcurrentHashMap<>();

    static {
        register("exact", (p, v) -> new Prepared<String>(s -> s, (a, b) -> a.equals(b) ? 1.0 : 0.0, true),
                List.of(1.0));
        register("exact-normalized", (p, v) -> new Prepared<String>(s -> Text.normalize(s).replace(" ", ""),
                (x, y) -> x.isEmpty() || y.isEmpty() ? Double.NaN : x.equals(y) ? 1.0 : 0.0, true), List.of(1.0));
        register("jaro-winkler", (p, v) -> jaroWinkler(), List.of(1.0, 0.92, 0.80));
        register("address", (p, v) -> new Prepared<StreetAddress.Line>(StreetAddress::prepare, StreetAddress::compare),
                List.of(1.0, 0.92, 0.80));
        register("levenshtein", (p, v) -> levenshtein(), List.of(1.0, 0.8, 0.6));
        register("jaccard-tokens", (p, v) -> (a, b) -> jaccard(a, b), List.of(1.0, 0.7, 0.4));
        register("token-set", (p, v) -> (a, b) -> tokenSet(a, b), List.of(1.0, 0.7, 0.4));
        register("tfidf-cosine", (p, v) -> new TfIdfCosine(v), List.of(0.9, 0.7, 0.5, 0.3));
        register("numeric", (p, v) -> numeric(Double.parseDouble(p.getOrDefault("tolerance", "0.01"))),
                List.of(1.0, 0.9, 0.7), Set.of("tolerance"));
        register("date", (p, v) -> date(Integer.parseInt(p.getOrDefault("max-days", "365"))),
                List.of(1.0, 0.99, 0.9), Set.of("max-days"));
        register("double-metaphone", (p, v) -> doubleMetaphone(), List.of(1.0));
        register("gtin", (p, v) -> (a, b) -> gtin(a, b), List.of(1.0));
    }

    private Comparators() {
    }

    public static void register(String name, Factory factory, List<Double> defaultLevels) {
        register(name, factory, defaultLevels, Set.of());
    }

    /** Registers a comparator under a short name, with its default level thresholds and known parameters. */
    public static void register(String name, Factory factory, List<Double> defaultLevels, Set<String> params) {
        REGISTRY.put(name, new Entry(factory, List.copyOf(defaultLevels), Set.copyOf(params)));
    }

    public static boolean known(String name) {
        return REGISTRY.containsKey(name);
    }

    public static Set<String> names() {
        return new TreeMap<>(REGISTRY).keySet();
    }

    public static List<Double> defaultLevels(String name) {
        return entry(name).defaultLevels();
    }

    public static Set<String> parameters(String name) {
        return entry(name).params();
    }

    public static FieldComparator create(String name, Map<String, String> params, Collection<String> fieldValues) {
        return entry(name).factory().create(params, fieldValues);
    }

    /** A comparator that needs no data (not for {@code tfidf-cosine}, which needs the field's values). */
    public static FieldComparator create(String name) {
        return create(name, Map.of(), List.of());
    }

    private static Entry entry(String name) {
        Entry e = REGISTRY.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown comparison method '" + name + "'; known: " + names());
        }
        return e;
    }

    /**
     * A comparator over prepared values: {@code prepare} runs once per value of the data set (the matcher keeps
     * the prepared column), {@code compare} once per pair and returns NaN when the pair cannot be compared;
     * {@code equality}: see {@link FieldComparator#equality()}.
     */
    record Prepared<T>(java.util.function.Function<String, T> preparation,
            java.util.function.ToDoubleBiFunction<T, T> comparison, boolean equality) implements FieldComparator {

        Prepared(java.util.function.Function<String, T> preparation,
                java.util.function.ToDoubleBiFunction<T, T> comparison) {
            this(preparation, comparison, false);
        }

        @Override
        public Double present(String a, String b) {
            double s = comparePrepared(prepare(a), prepare(b));
            return Double.isNaN(s) ? null : s;
        }

        @Override
        public Object prepare(String value) {
            return preparation.apply(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public double comparePrepared(Object a, Object b) {
            return comparison.applyAsDouble((T) a, (T) b);
        }
    }

    /** Normalised text as a char array: Jaro-Winkler reads the chars of the same value millions of times. */
    static FieldComparator jaroWinkler() {
        return new Prepared<char[]>(s -> Text.normalize(s).toCharArray(),
                (x, y) -> x.length == 0 || y.length == 0 ? Double.NaN : JaroWinkler.similarity(x, y));
    }

    static FieldComparator levenshtein() {
        LevenshteinDistance ld = LevenshteinDistance.getDefaultInstance();
        return new Prepared<String>(Text::normalize, (x, y) -> {
            if (x.isEmpty() || y.isEmpty()) {
                return Double.NaN;
            }
            return 1.0 - (double) ld.apply(x, y) / Math.max(x.length(), y.length());
        });
    }

    static Double jaccard(String a, String b) {
        Set<String> x = new HashSet<>(Text.tokens(a));
        Set<String> y = new HashSet<>(Text.tokens(b));
        if (x.isEmpty() || y.isEmpty()) {
            return null;
        }
        int common = intersection(x, y);
        return (double) common / (x.size() + y.size() - common);
    }

    /** Overlap coefficient: shared tokens over the smaller token set, so "acme" vs "acme corp ltd" is 1.0. */
    static Double tokenSet(String a, String b) {
        Set<String> x = new HashSet<>(Text.tokens(a));
        Set<String> y = new HashSet<>(Text.tokens(b));
        if (x.isEmpty() || y.isEmpty()) {
            return null;
        }
        return (double) intersection(x, y) / Math.min(x.size(), y.size());
    }

    private static int intersection(Set<String> x, Set<String> y) {
        int common = 0;
        for (String t : x) {
            if (y.contains(t)) {
                common++;
            }
        }
        return common;
    }

    /**
     * Relative closeness: 1.0 when the relative difference {@code |a-b| / max(|a|,|b|)} is within
     * {@code tolerance}, otherwise {@code 1 - difference} (never below 0).
     */
    static FieldComparator numeric(double tolerance) {
        return (a, b) -> {
            Double x = number(a);
            Double y = number(b);
            if (x == null || y == null) {
                return null;
            }
            double scale = Math.max(Math.abs(x), Math.abs(y));
            double rel = scale == 0 ? 0 : Math.abs(x - y) / scale;
            return rel <= tolerance ? 1.0 : Math.max(0.0, 1.0 - rel);
        };
    }

    static Double number(String s) {
        String t = s.trim().replace(",", "").replaceAll("[^0-9.eE+-]", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 1 - days apart / maxDays}, never below 0; dates as yyyy-MM-dd or yyyyMMdd. */
    static FieldComparator date(int maxDays) {
        return (a, b) -> {
            LocalDate x = date(a);
            LocalDate y = date(b);
            if (x == null || y == null) {
                return null;
            }
            long days = Math.abs(ChronoUnit.DAYS.between(x, y));
            return Math.max(0.0, 1.0 - (double) days / maxDays);
        };
    }

    static LocalDate date(String s) {
        String t = s.trim();
        try {
            if (t.length() == 8 && t.chars().allMatch(Character::isDigit)) {
                return LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE);
            }
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static FieldComparator doubleMetaphone() {
        DoubleMetaphone dm = new DoubleMetaphone();
        return (a, b) -> {
            List<String> x = Text.tokens(a);
            List<String> y = Text.tokens(b);
            if (x.isEmpty() || y.isEmpty()) {
                return null;
            }
            boolean primary = codes(dm, x, false).equals(codes(dm, y, false));
            boolean alternate = codes(dm, x, true).equals(codes(dm, y, true));
            return primary || alternate ? 1.0 : 0.0;
        };
    }

    private static String codes(DoubleMetaphone dm, List<String> tokens, boolean alternate) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens) {
            sb.append(dm.doubleMetaphone(t, alternate)).append(' ');
        }
        return sb.toString();
    }

    /** GTIN / EAN / UPC: equal after dropping non-digits and left-padding to 14 digits. */
    static Double gtin(String a, String b) {
        String x = gtin14(a);
        String y = gtin14(b);
        if (x == null || y == null) {
            return null;
        }
        return x.equals(y) ? 1.0 : 0.0;
    }

    static String gtin14(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return digits.length() >= 14 ? digits : "0".repeat(14 - digits.length()) + digits;
    }

    /**
     * Cosine similarity of TF-IDF token vectors. The IDF table ({@code ln(N / df)}) is built once from all values
     * of the field, so a rare token (a model number) weighs far more than "black" or "inc". A token never seen
     * counts as seen once.
     */
    static final class TfIdfCosine implements FieldComparator {

        private final Map<String, Double> idf = new HashMap<>();
        private final double unseenIdf;
        private final Map<String, Vector> cache = new ConcurrentHashMap<>();

        private record Vector(String[] tokens, double[] weights) {
        }

        TfIdfCosine(Collection<String> values) {
            Map<String, Integer> df = new HashMap<>();
            int n = 0;
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    continue;
                }
                n++;
                for (String t : new HashSet<>(Text.tokens(v))) {
                    df.merge(t, 1, Integer::sum);
                }
            }
            int docs = Math.max(n, 1);
            df.forEach((t, c) -> idf.put(t, Math.log((double) docs / c)));
            unseenIdf = Math.log(docs);
        }

        double idf(String token) {
            return idf.getOrDefault(token, unseenIdf);
        }

        @Override
        public Double present(String a, String b) {
            Vector x = vector(a);
            Vector y = vector(b);
            if (x.tokens.length == 0 || y.tokens.length == 0) {
                return null;
            }
            double dot = 0;
            int i = 0;
            int j = 0;
            while (i < x.tokens.length && j < y.tokens.length) {
                int c = x.tokens[i].compareTo(y.tokens[j]);
                if (c == 0) {
                    dot += x.weights[i++] * y.weights[j++];
                } else if (c < 0) {
                    i++;
                } else {
                    j++;
                }
            }
            if (Double.isNaN(dot)) {
                return null;
            }
            return Math.min(1.0, dot);
        }

        private Vector vector(String s) {
            return cache.computeIfAbsent(s, this::build);
        }

        private Vector build(String s) {
            Map<String, Integer> tf = new TreeMap<>();
            for (String t : Text.tokens(s)) {
                tf.merge(t, 1, Integer::sum);
            }
            String[] tokens = tf.keySet().toArray(new String[0]);
            double[] w = new double[tokens.length];
            double norm = 0;
            for (int i = 0; i < tokens.length; i++) {
                w[i] = tf.get(tokens[i]) * idf(tokens[i]);
                norm += w[i] * w[i];
            }
            if (norm == 0) {
                // only tokens found in every value: fall back to plain token counts
                Arrays.fill(w, 1.0);
                norm = tokens.length;
            }
            double len = Math.sqrt(norm);
            for (int i = 0; i < w.length; i++) {
                w[i] /= len;
            }
            return new Vector(tokens, w);
        }
    }

    /** Unused-parameter check helper for the settings parser. */
    static List<String> unknownParams(String method, Map<String, String> params) {
        List<String> unknown = new ArrayList<>();
        for (String k : new LinkedHashMap<>(params).keySet()) {
            if (!parameters(method).contains(k)) {
                unknown.add(k);
            }
        }
        return unknown;
    }
}
