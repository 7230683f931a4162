package io.mastersync.cli;

import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.mastersync.MastersyncApplication;

/** Starts the application context for a command, with the {@code --spring.*}-style options passed through. */
final class SpringContext {

    private SpringContext() {
    }

    static ConfigurableApplicationContext start(List<String> springArgs) {
        return new SpringApplicationBuilder(MastersyncApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(springArgs.toArray(String[]::new));
    }
}
