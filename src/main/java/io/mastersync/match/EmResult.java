package io.mastersync.match;

/**
 * Estimated Fellegi-Sunter parameters: {@code m[c][l]} = P(level l of comparison c | match), {@code u[c][l]} =
 * P(level l | non-match), {@code lambda} = share of matches among the candidate pairs.
 */
public record EmResult(double lambda, double[][] m, double[][] u, int iterations, boolean converged) {
}
