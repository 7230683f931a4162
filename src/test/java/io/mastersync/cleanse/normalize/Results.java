package io.mastersync.cleanse.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Test helpers: create through the registry, as the rules wiring will. */
final class Results {

    static final NormalizerRegistry REGISTRY = new NormalizerRegistry();

    private Results() {
    }

    static Normalizer create(String name, String... keyValues) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return REGISTRY.create(name, options);
    }

    /** Asserts that the normalizer changes {@code in} to {@code out} (or leaves it when equal). */
    static void assertNormalizes(Normalizer n, String in, String out) {
        NormalizerResult r = n.apply(in, RecordContext.empty());
        assertThat(r).as("result for '%s'", in).isNotInstanceOf(NormalizerResult.Problem.class);
        assertThat(r.value()).as("value for '%s'", in).isEqualTo(out);
        assertThat(r.changed()).as("changed flag for '%s'", in).isEqualTo(!java.util.Objects.equals(in, out));
    }

    /** Asserts a Problem with the code, keeping the value, whose message names the value. */
    static NormalizerResult.Problem assertProblem(NormalizerResult r, String in, String code) {
        assertThat(r).as("result for '%s'", in).isInstanceOf(NormalizerResult.Problem.class);
        NormalizerResult.Problem p = (NormalizerResult.Problem) r;
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.value()).isEqualTo(in);
        assertThat(p.message()).contains("'" + in + "'");
        return p;
    }

    static NormalizerResult.Problem assertProblem(Normalizer n, String in, String code) {
        return assertProblem(n.apply(in, RecordContext.empty()), in, code);
    }
}
