package io.mastersync.match;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Pairwise precision, recall and F1 of predicted clusters against a closed-world truth: every pair of records
 * sharing a predicted cluster is a predicted match, every pair not in the truth set is a non-match. An optional
 * filter restricts which pairs count (e.g. only pairs across sources when scoring a linkage).
 */
public record PairwiseEvaluation(long truePositives, long predictedPairs, long truePairs) {

    /** An unordered pair of record ids. */
    public record Pair(String a, String b) {
        public static Pair of(String x, String y) {
            return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
        }
    }

    public static PairwiseEvaluation of(Collection<? extends Collection<String>> predictedClusters, Set<Pair> truth) {
        return of(predictedClusters, truth, (x, y) -> true);
    }

    public static PairwiseEvaluation of(Collection<? extends Collection<String>> predictedClusters, Set<Pair> truth,
            BiPredicate<String, String> counts) {
        Set<Pair> predicted = new HashSet<>();
        for (Collection<String> cluster : predictedClusters) {
            List<String> members = List.copyOf(new HashSet<>(cluster));
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    if (counts.test(members.get(i), members.get(j))) {
                        predicted.add(Pair.of(members.get(i), members.get(j)));
                    }
                }
            }
        }
        long truePairs = truth.stream().filter(p -> counts.test(p.a(), p.b())).count();
        long tp = predicted.stream().filter(truth::contains).count();
        return new PairwiseEvaluation(tp, predicted.size(), truePairs);
    }

    public double precision() {
        return predictedPairs == 0 ? 0.0 : (double) truePositives / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 0.0 : (double) truePositives / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** {@code precision=0.971 recall=0.948 f1=0.959 predicted_pairs=N true_pairs=M}. */
    public String line() {
        return String.format(Locale.ROOT, "precision=%.3f recall=%.3f f1=%.3f predicted_pairs=%d true_pairs=%d",
                precision(), recall(), f1(), predictedPairs, truePairs);
    }

    @Override
    public String toString() {
        return line();
    }
}
