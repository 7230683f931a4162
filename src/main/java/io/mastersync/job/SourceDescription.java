package io.mastersync.job;

import io.mastersync.source.FeedDefinition;

/** A one-line description of a feed's source for logs and the run table; never contains credentials. */
final class SourceDescription {

    private SourceDescription() {
    }

    static String of(FeedDefinition def) {
        return def.source().kind() + " source of " + def.jobFile();
    }
}
