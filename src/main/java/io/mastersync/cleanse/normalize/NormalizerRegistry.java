package io.mastersync.cleanse.normalize;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Creates normalizers by their short registered name, as used in rules files ({@code trim},
 * {@code country-iso2}, {@code phone-e164} ...), with their options.
 *
 * <p>Options are strings. List-valued options use {@code |} as separator ({@code patterns:
 * dd.MM.yyyy|yyyyMMdd}); file options are resolved against the base directory given to the registry
 * (normally the directory of the rules file). Each normalizer class documents its options; see also
 * {@code docs/normalizers.md}.
 *
 * <p>Configuration errors are {@link IllegalArgumentException}s whose message names the normalizer and the
 * option; the caller adds file and line. Immutable and thread-safe; the normalizers it creates are too.
 */
public final class NormalizerRegistry {

    private final Path baseDir;
    private final Map<String, Function<NormalizerOptions, Normalizer>> factories;

    /**
     * @param baseDir directory against which relative {@code file} options are resolved; null means the
     *                working directory
     */
    public NormalizerRegistry(Path baseDir) {
        this.baseDir = baseDir;
        Map<String, Function<NormalizerOptions, Normalizer>> f = new TreeMap<>();
        f.put("trim", o -> new TrimNormalizer());
        f.put("collapse-whitespace", o -> new CollapseWhitespaceNormalizer());
        f.put("unicode", UnicodeFormNormalizer::create);
        f.put("remove-control", RemoveControlNormalizer::create);
        f.put("upper", o -> CaseNormalizer.create(CaseNormalizer.Mode.UPPER, o));
        f.put("lower", o -> CaseNormalizer.create(CaseNormalizer.Mode.LOWER, o));
        f.put("title", o -> CaseNormalizer.create(CaseNormalizer.Mode.TITLE, o));
        f.put("strip-punctuation", StripPunctuationNormalizer::create);
        f.put("map", MappingNormalizer::create);
        f.put("null-if", NullIfNormalizer::create);
        f.put("country-iso2", CountryNormalizer::create);
        f.put("phone-e164", PhoneE164Normalizer::create);
        f.put("decimal", DecimalNormalizer::create);
        f.put("date", DateNormalizer::create);
        f.put("timestamp", TimestampNormalizer::create);
        f.put("sku", SkuNormalizer::create);
        f.put("gtin", GtinNormalizer::create);
        f.put("unit-of-measure", UnitOfMeasureNormalizer::create);
        f.put("weight-unit", o -> WeightConverter.unitNormalizer());
        f.put("weight", WeightConverter::create);
        f.put("legal-form", LegalFormSplitter::create);
        f.put("email", EmailNormalizer::create);
        f.put("vat-id", VatIdNormalizer::create);
        this.factories = Collections.unmodifiableMap(f);
    }

    /** A registry resolving relative files against the working directory. */
    public NormalizerRegistry() {
        this(null);
    }

    /** The registered names, sorted. */
    public Set<String> names() {
        return factories.keySet();
    }

    /**
     * Creates a configured normalizer.
     *
     * @param name    registered short name
     * @param options option name to value; null or empty for defaults
     * @throws IllegalArgumentException for an unknown name (the message lists the known names), an unknown
     *                                  option (the message lists the known options) or an invalid option value
     */
    public Normalizer create(String name, Map<String, String> options) {
        Function<NormalizerOptions, Normalizer> factory = name == null ? null : factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown normalizer '" + name + "' (known normalizers: "
                    + String.join(", ", factories.keySet()) + ")");
        }
        NormalizerOptions opts = new NormalizerOptions(name, options, baseDir);
        Normalizer normalizer = factory.apply(opts);
        opts.rejectUnknown();
        return normalizer;
    }
}
