package io.mastersync.job;

import io.mastersync.cleanse.RuleSet;
import io.mastersync.source.FeedDefinition;

/** A feed of a run together with the rules in force for it. */
record FeedPlan(FeedDefinition definition, RuleSet rules) {

    String name() {
        return definition.name();
    }
}
