package io.mastersync.match;

/**
 * Parameters of the expectation-maximisation estimate of m, u and lambda.
 *
 * @param maxIterations  stop after this many iterations
 * @param tolerance      stop when no m, u or lambda moves by more than this
 * @param samplePairs    use at most this many candidate pairs (a seeded uniform sample) for EM
 * @param uSamplePairs   random record pairs drawn to initialise u (random pairs are almost all non-matches)
 * @param estimateU      re-estimate u in EM (true) or keep u from the random pairs (false)
 * @param seed           seed of the sampling
 * @param monotone       keep the weights ordered: a better level never weighs less than a worse one (off by default)
 */
public record EmSettings(int maxIterations, double tolerance, int samplePairs, int uSamplePairs, boolean estimateU,
        long seed, boolean monotone) {

    public static final EmSettings DEFAULTS = new EmSettings(50, 1e-4, 2_000_000, 200_000, true, 42L, false);

    public EmSettings(int maxIterations, double tolerance, int samplePairs, int uSamplePairs, boolean estimateU,
            long seed) {
        this(maxIterations, tolerance, samplePairs, uSamplePairs, estimateU, seed, false);
    }

    public EmSettings {
        if (maxIterations < 1 || tolerance <= 0 || samplePairs < 1 || uSamplePairs < 0) {
            throw new IllegalArgumentException("invalid EM settings");
        }
    }
}
