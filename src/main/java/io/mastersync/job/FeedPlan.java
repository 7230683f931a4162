package io.mastersync.job;

import java.util.List;

import io.mastersync.cleanse.RuleSet;
import io.mastersync.cleanse.rules.UniqueCheck;
import io.mastersync.source.FeedDefinition;

/**
 * A feed of a run together with the rules in force for it.
 *
 * @param uniqueChecks the rules' uniqueness checks, run over the whole feed when it is published
 */
record FeedPlan(FeedDefinition definition, RuleSet rules, List<UniqueCheck> uniqueChecks) {

    String name() {
        return definition.name();
    }
}
