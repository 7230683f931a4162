package io.mastersync.match;

/**
 * Parameters of the unsupervised estimate of m, u and lambda.
 *
 * @param maxIterations  stop after this many iterations
 * @param tolerance      stop when no m, u or lambda moves by more than this
 * @param samplePairs    use at most this many candidate pairs (a seeded uniform sample) per EM run
 * @param uSamplePairs   random record pairs drawn to estimate u (all allowed pairs when there are no more than
 *                       this many); random pairs are almost all non-matches
 * @param estimateU      legacy training only: re-estimate u in EM (true) or keep u from the random pairs (false)
 * @param seed           seed of the sampling
 * @param monotone       keep the weights ordered: a better level never weighs less than a worse one
 * @param perRule        {@code true} (default): u from random pairs, m by EM per blocking rule without the
 *                       comparisons on that rule's fields; {@code false}: legacy single EM over all candidates
 */
public record EmSettings(int maxIterations, double tolerance, int samplePairs, int uSamplePairs, boolean estimateU,
        long seed, boolean monotone, boolean perRule) {

    public static final EmSettings DEFAULTS = new EmSettings(100, 1e-4, 2_000_000, 1_000_000, true, 42L, true, true);

    public EmSettings(int maxIterations, double tolerance, int samplePairs, int uSamplePairs, boolean estimateU,
            long seed) {
        this(maxIterations, tolerance, samplePairs, uSamplePairs, estimateU, seed, false, true);
    }

    public EmSettings(int maxIterations, double tolerance, int samplePairs, int uSamplePairs, boolean estimateU,
            long seed, boolean monotone) {
        this(maxIterations, tolerance, samplePairs, uSamplePairs, estimateU, seed, monotone, true);
    }

    public EmSettings {
        if (maxIterations < 1 || tolerance <= 0 || samplePairs < 1 || uSamplePairs < 0) {
            throw new IllegalArgumentException("invalid EM settings");
        }
    }
}
