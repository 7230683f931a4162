package io.mastersync.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mastersync changes --since N}: the change feed after sequence number N, for downstream systems. */
@Command(name = "changes", mixinStandardHelpOptions = true,
        description = {"Prints every change to staging and to golden records with a sequence number above --since, in",
                "order, as JSON lines or CSV. Remember the last seq you processed and ask for what came after it."})
final class ChangesCommand implements Callable<Integer>, SpringCommand {

    private final List<String> springArgs;

    @Option(names = "--since", defaultValue = "0", description = "Last sequence number already seen (default 0: all).")
    long since;

    @Option(names = "--limit", defaultValue = "100000", description = "At most this many changes (default 100000).")
    int limit;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or csv.")
    String format;

    @Option(names = "--feed", paramLabel = "FEED", description = "Only the changes of this feed (repeatable), e.g. a"
            + " job file's feed name, or golden:customer for the golden customer records.")
    List<String> feeds = List.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ChangesCommand(List<String> springArgs) {
        this.springArgs = springArgs;
    }

    @Override
    public Integer call() {
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be jsonl or csv");
        }
        try (ConfigurableApplicationContext context = SpringContext.start(springArgs)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            List<Object> params = new java.util.ArrayList<>(List.of(since));
            StringBuilder where = new StringBuilder("seq > ?");
            if (!feeds.isEmpty()) {
                where.append(" AND feed IN (").append(String.join(", ", java.util.Collections.nCopies(feeds.size(), "?")))
                        .append(')');
                params.addAll(feeds);
            }
            params.add(limit);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT seq, run_id, feed, entity, source_system,"
                    + " source_key, change_kind, changed_at FROM sync_change WHERE " + where + " ORDER BY seq LIMIT ?",
                    params.toArray());
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("csv")) {
                out.println("seq,run_id,feed,entity,source_system,source_key,change_kind,changed_at");
            }
            for (Map<String, Object> r : rows) {
                out.println(format.equals("csv") ? ChangeLines.csv(r) : ChangeLines.json(r));
            }
            out.flush();
            return MastersyncCommand.EXIT_OK;
        }
    }
}
