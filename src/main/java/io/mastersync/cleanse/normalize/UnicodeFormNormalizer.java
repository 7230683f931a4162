package io.mastersync.cleanse.normalize;

import java.text.Normalizer.Form;

/**
 * {@code unicode}: applies a Unicode normalization form so that visually equal strings are equal
 * (e.g. {@code "u\u0308"} from a Mac export becomes {@code "ü"} under NFC).
 *
 * <p>Option {@code form}: {@code NFC} (default), {@code NFKC} (also folds compatibility characters such as
 * full-width letters and ligatures), {@code NFD}, {@code NFKD}. Null stays null. Thread-safe.
 */
public final class UnicodeFormNormalizer implements Normalizer {

    private final Form form;

    public UnicodeFormNormalizer(Form form) {
        this.form = form;
    }

    static UnicodeFormNormalizer create(NormalizerOptions options) {
        return new UnicodeFormNormalizer(Form.valueOf(options.choice("form", "NFC", "NFC", "NFKC", "NFD", "NFKD")));
    }

    @Override
    public NormalizerResult apply(String value, RecordContext record) {
        if (value == null) {
            return new NormalizerResult.Unchanged(null);
        }
        return NormalizerResult.of(value, java.text.Normalizer.normalize(value, form));
    }
}
