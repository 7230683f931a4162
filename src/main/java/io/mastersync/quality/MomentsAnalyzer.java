package io.mastersync.quality;

/**
 * The analyzers of numeric moments (minimum, maximum, mean, standard deviation) share one accumulation:
 * values that are numbers or dates (see {@link Values#toDouble}) go into a {@link MomentsState}; each
 * analyzer reports its own statistic of it.
 */
interface MomentsAnalyzer extends Analyzer<MomentsState> {

    @Override
    default MomentsState initial() {
        return new MomentsState();
    }

    @Override
    default MomentsState update(MomentsState state, Object value) {
        return Values.isMissing(value) ? state : state.add(Values.toDouble(value));
    }
}
