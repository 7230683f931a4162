package io.mastersync.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.mastersync.canonical.EntityType;
import io.mastersync.golden.TruthEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync evaluate --truth pairs.csv --entity customer}: pairwise scores of the golden records. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compares the pairs of staged records sharing a golden id (mdm_xref) with a truth file",
                "(header source_a,key_a,source_b,key_b; every pair not listed is a non-match) and prints",
                "precision=... recall=... f1=... predicted_pairs=N true_pairs=M"})
final class EvaluateCommand implements Callable<Integer>, SpringCommand {

    private final List<String> springArgs;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "the truth pairs (CSV)")
    Path truth;

    @Option(names = "--entity", required = true, description = "item or customer")
    String entity;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    EvaluateCommand(List<String> springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public Integer call() throws Exception {
        EntityType type = ReviewCommand.entity(spec, entity);
        if (!java.nio.file.Files.isRegularFile(truth)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "truth file not found: " + truth);
        }
        try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
            TruthEvaluation.Result eval = TruthEvaluation.evaluate(new JdbcTemplate(context.getBean(DataSource.class)),
                    type, truth);
            spec.commandLine().getOut().println(eval.score().line());
            if (eval.unknownPairs() > 0) {
                spec.commandLine().getErr().println("mastersync: warning: " + eval.unknownPairs() + " of "
                        + eval.score().truePairs() + " truth pairs name a " + type.code() + " that has no golden record"
                        + " (not staged, or a typo in the truth file; e.g. " + eval.firstUnknown() + "): they count as"
                        + " missed matches");
            }
            return MastersyncCommand.EXIT_OK;
        }
    }
}
