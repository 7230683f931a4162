package io.mastersync.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code mastersync.*} (application.properties, environment or command line).
 *
 * @param progressInterval how often a long step logs its progress (default 5s)
 */
@ConfigurationProperties("mastersync")
public record MastersyncProperties(Duration progressInterval) {

    public MastersyncProperties {
        if (progressInterval == null) {
            progressInterval = Duration.ofSeconds(5);
        }
    }
}
