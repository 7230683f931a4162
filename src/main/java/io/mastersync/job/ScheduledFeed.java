package io.mastersync.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.scheduling.support.CronExpression;

import io.mastersync.source.FeedDefinition;
import io.mastersync.source.FeedDefinitionParser;
import io.mastersync.yaml.DefinitionException;

/**
 * A job file that {@code mastersync serve} syncs on its schedule ({@code sync.schedule}).
 *
 * @param cronText the expression as written in the job file
 */
public record ScheduledFeed(Path jobFile, String feed, String cronText, CronExpression cron) {

    /**
     * Reads the job files' feed names and schedules.
     *
     * @throws DefinitionException for a broken job file, one without {@code sync.schedule}, or two job files of
     *                             one feed
     */
    public static List<ScheduledFeed> load(List<Path> jobFiles) {
        List<ScheduledFeed> feeds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path jobFile : jobFiles) {
            FeedDefinition def = FeedDefinitionParser.parse(jobFile);
            if (def.sync().schedule().isEmpty()) {
                throw new DefinitionException(jobFile, 0, "no sync.schedule: serve runs job files with a schedule"
                        + " (a cron expression, six fields, seconds first, e.g. '0 */15 * * * *'); run the others"
                        + " with 'mastersync sync'");
            }
            if (!names.add(def.name())) {
                throw new DefinitionException(jobFile, 0, "feed name '" + def.name()
                        + "' is used by another job file; give each feed its own 'feed:' name");
            }
            String cron = def.sync().schedule().get();
            feeds.add(new ScheduledFeed(jobFile, def.name(), cron, CronExpression.parse(cron)));
        }
        return List.copyOf(feeds);
    }
}
