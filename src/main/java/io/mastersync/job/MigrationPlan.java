package io.mastersync.job;

import java.util.List;

/**
 * Everything a migrate run does, fixed before it starts: the feeds in order, and a hash of the job and
 * rules files. The hash identifies the run: the same files again resume an unfinished run.
 *
 * @param feeds      the feeds, in the order of the --job options
 * @param jobFiles   the job files as given, comma-separated (for the run table)
 * @param configHash SHA-256 over the job files' and rules files' content
 * @param rulesHash  SHA-256 over the rules in force (empty when none)
 */
record MigrationPlan(List<FeedPlan> feeds, String jobFiles, String configHash, String rulesHash) {
}
