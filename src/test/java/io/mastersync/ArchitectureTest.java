package io.mastersync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The pipeline stages are plain Java: Spring Batch and the command line live at the edges only. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mastersync");

    private static final String[] STAGES = {"io.mastersync.source..", "io.mastersync.cleanse..",
            "io.mastersync.match..", "io.mastersync.golden..", "io.mastersync.load..", "io.mastersync.delta..",
            "io.mastersync.quality..", "io.mastersync.canonical.."};

    @Test
    void stagesDoNotDependOnSpringBatch() {
        noClasses().that().resideInAnyPackage(STAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.batch..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void stagesDoNotDependOnTheWaysIn() {
        noClasses().that().resideInAnyPackage(STAGES)
                .should().dependOnClassesThat().resideInAnyPackage("io.mastersync.job..", "io.mastersync.cli..",
                        "io.mastersync.web..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
