package io.mastersync.match;

/** Records a cluster guard pulled apart, with the reason: for a data steward to confirm or merge by hand. */
public record ReviewGroup(int[] members, String reason) {
}
