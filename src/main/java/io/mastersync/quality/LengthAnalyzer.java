package io.mastersync.quality;

/**
 * The text-length analyzers share one accumulation: the length in code points of each present value goes
 * into a {@link LengthState}; each analyzer reports its own statistic of it.
 */
interface LengthAnalyzer extends Analyzer<LengthState> {

    @Override
    default LengthState initial() {
        return new LengthState();
    }

    @Override
    default LengthState update(LengthState state, Object value) {
        if (Values.isMissing(value)) {
            return state;
        }
        String text = Values.text(value);
        return state.add(text.codePointCount(0, text.length()));
    }
}
