package io.mastersync.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The streaming loop shared by the benchmark generators. Every row is a pure function of (seed, row
 * number): its own random streams are derived from both, so a near-duplicate regenerates the earlier row
 * it copies instead of keeping rows in memory. Memory grows only with the number of duplicates (their row
 * numbers, for the truth file).
 *
 * <p>Each row is, independently, a near-duplicate of an earlier clean row (share {@code duplicates}, with a
 * new key), a row with one defect that validation rejects (share {@code dirty}), or a clean row. The true
 * duplicate pairs go to {@code FILE.truth.csv} ({@code source_a,key_a,source_b,key_b}, source
 * {@value #SOURCE}): every pair of one original's group, the copies among themselves too, since the truth file
 * is read as a closed world (a pair not listed is a non-match).
 *
 * @param <S> the generator's structured form of one row, before it is rendered to CSV values
 */
public abstract class BenchCsvGenerator<S> {

    /** The source system of the generated data, as used in the truth file and the benchmark job files. */
    public static final String SOURCE = "BENCH";
    public static final String TRUTH_HEADER = "source_a,key_a,source_b,key_b";

    /** What one row is. */
    public enum Kind { CLEAN, DUPLICATE, DIRTY }

    /** What was written. */
    public record Summary(long rows, long duplicates, long dirty, long bytes, Path file, Path truthFile) {
    }

    private static final int TARGET_ATTEMPTS = 32;
    private static final long STREAM_CONTROL = 0x5DEECE66DL;
    private static final long STREAM_CONTENT = 0x2545F4914F6CDD1DL;

    private final long seed;
    private final double duplicates;
    private final double dirty;

    protected BenchCsvGenerator(long seed, double duplicates, double dirty) {
        if (!(duplicates >= 0 && duplicates < 1)) {
            throw new IllegalArgumentException("duplicates must be a share in [0, 1), not " + duplicates);
        }
        if (!(dirty >= 0 && dirty < 1)) {
            throw new IllegalArgumentException("dirty must be a share in [0, 1), not " + dirty);
        }
        if (duplicates + dirty >= 1) {
            throw new IllegalArgumentException("duplicates + dirty must stay below 1, not " + (duplicates + dirty));
        }
        this.seed = seed;
        this.duplicates = duplicates;
        this.dirty = dirty;
    }

    /** The CSV header line, without line terminator. */
    protected abstract String header();

    /** The business key of row {@code row} (unique per row). */
    protected abstract String key(long row);

    /** The clean row number {@code row}, drawn from {@code random} only. */
    protected abstract S create(long row, SplittableRandom random);

    /** A near-duplicate of {@code original} that carries the key of row {@code row}. Must stay valid. */
    protected abstract S nearDuplicate(S original, long row, SplittableRandom random);

    /** The CSV values of a row, in header order. */
    protected abstract String[] render(S row);

    /** Gives the rendered values one defect that validation rejects. */
    protected abstract void spoil(String[] values, SplittableRandom random);

    /** The truth file that belongs to {@code out}: {@code out + ".truth.csv"}. */
    public static Path truthFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".truth.csv");
    }

    public final Summary generate(long rows, Path out) throws IOException {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, not " + rows);
        }
        Path truth = truthFile(out);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long duplicateCount = 0;
        long dirtyCount = 0;
        StringBuilder line = new StringBuilder(256);
        // the earlier copies of each original: two copies of one row are a true pair as well
        Map<Long, List<Long>> copies = new HashMap<>();
        try (Writer csv = writer(out); Writer pairs = writer(truth)) {
            csv.write(header());
            csv.write('\n');
            pairs.write(TRUTH_HEADER);
            pairs.write('\n');
            for (long row = 0; row < rows; row++) {
                SplittableRandom control = random(row, STREAM_CONTROL);
                Kind kind = kind(row, control.nextDouble());
                String[] values = null;
                if (kind == Kind.DUPLICATE) {
                    long original = originalOf(row, control);
                    if (original >= 0) {
                        S copy = nearDuplicate(create(original, random(original, STREAM_CONTENT)), row, control);
                        values = render(copy);
                        duplicateCount++;
                        List<Long> group = copies.computeIfAbsent(original, o -> new ArrayList<>(1));
                        pairs.append(truthPair(line, original, row));
                        for (long earlierCopy : group) {
                            pairs.append(truthPair(line, earlierCopy, row));
                        }
                        group.add(row);
                    }
                }
                if (values == null) {
                    values = render(create(row, random(row, STREAM_CONTENT)));
                    if (kind == Kind.DIRTY) {
                        spoil(values, control);
                        dirtyCount++;
                    }
                }
                line.setLength(0);
                for (int c = 0; c < values.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    appendCsv(line, values[c]);
                }
                line.append('\n');
                csv.append(line);
            }
        }
        return new Summary(rows, duplicateCount, dirtyCount, Files.size(out), out, truth);
    }

    private StringBuilder truthPair(StringBuilder line, long a, long b) {
        line.setLength(0);
        line.append(SOURCE).append(',');
        appendCsv(line, key(a)).append(',').append(SOURCE).append(',');
        return appendCsv(line, key(b)).append('\n');
    }

    /** The kind drawn for a row before its duplicate target is resolved. */
    final Kind kind(long row) {
        return kind(row, random(row, STREAM_CONTROL).nextDouble());
    }

    private Kind kind(long row, double u) {
        if (u < duplicates) {
            return row == 0 ? Kind.CLEAN : Kind.DUPLICATE;
        }
        return u < duplicates + dirty ? Kind.DIRTY : Kind.CLEAN;
    }

    /** An earlier clean row, uniformly over the file so far; -1 if none turned up (then the row stays clean). */
    private long originalOf(long row, SplittableRandom control) {
        for (int attempt = 0; attempt < TARGET_ATTEMPTS; attempt++) {
            long candidate = control.nextLong(row);
            if (kind(candidate) == Kind.CLEAN) {
                return candidate;
            }
        }
        return -1;
    }

    private SplittableRandom random(long row, long stream) {
        return new SplittableRandom(mix64(seed ^ mix64(row * 0x9E3779B97F4A7C15L + stream)));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** RFC 4180: quoted when the value holds a comma, quote or line break; quotes doubled. Null is empty. */
    static StringBuilder appendCsv(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return sb;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            return sb.append(value);
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        return sb.append('"');
    }

    // ---- small helpers for the subclasses ----

    protected static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    protected static String digits(SplittableRandom random, int count) {
        char[] d = new char[count];
        for (int i = 0; i < count; i++) {
            d[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(d);
    }

    /** {@code count} digits, the first one not 0. */
    protected static String digitsNoLeadingZero(SplittableRandom random, int count) {
        return (char) ('1' + random.nextInt(9)) + digits(random, count - 1);
    }

    protected static String zeroPadded(long value, int width) {
        String s = Long.toString(value);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    /** A typing error in a letter of {@code text}: swapped, dropped, doubled or a neighbouring key. */
    protected static String typo(String text, SplittableRandom random) {
        int[] letters = new int[text.length()];
        int n = 0;
        for (int i = 1; i < text.length(); i++) { // keep the first letter: typos there are rare
            if (Character.isLetter(text.charAt(i))) {
                letters[n++] = i;
            }
        }
        if (n == 0) {
            return text + "x";
        }
        int at = letters[random.nextInt(n)];
        char ch = text.charAt(at);
        StringBuilder sb = new StringBuilder(text);
        switch (random.nextInt(4)) {
            case 0:
                if (at + 1 < text.length() && Character.isLetter(text.charAt(at + 1)) && text.charAt(at + 1) != ch) {
                    sb.setCharAt(at, text.charAt(at + 1));
                    sb.setCharAt(at + 1, ch);
                    return sb.toString();
                }
                sb.insert(at, ch);
                return sb.toString();
            case 1:
                sb.deleteCharAt(at);
                return sb.toString();
            case 2:
                sb.insert(at, ch);
                return sb.toString();
            default:
                char near = neighbourKey(ch, random);
                sb.setCharAt(at, near);
                return sb.toString();
        }
    }

    private static final String[] KEY_ROWS = {"qwertzuiop", "asdfghjkl", "yxcvbnm"};

    private static char neighbourKey(char ch, SplittableRandom random) {
        char lower = Character.toLowerCase(ch);
        for (String keys : KEY_ROWS) {
            int i = keys.indexOf(lower);
            if (i >= 0) {
                int j = i == 0 ? 1 : i == keys.length() - 1 ? i - 1 : (random.nextBoolean() ? i - 1 : i + 1);
                char near = keys.charAt(j);
                return Character.isUpperCase(ch) ? Character.toUpperCase(near) : near;
            }
        }
        return lower == 'e' ? 'a' : 'e'; // umlauts, accents
    }
}
