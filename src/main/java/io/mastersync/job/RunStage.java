package io.mastersync.job;

import java.util.List;

import org.springframework.batch.core.step.Step;

/**
 * A stage that runs after every feed of a run has been published (quality checks, matching, golden
 * records). Each stage is a Spring bean; the migrate job appends their steps in {@link #order()}.
 * Step names must depend only on the plan, so that a restart finds the steps that already completed.
 */
interface RunStage {

    /** Lower runs first: quality gate 100, matching and golden records 200. */
    int order();

    List<Step> steps(MigrationPlan plan);
}
