package io.mastersync;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.mastersync.cli.MastersyncCommand;

/** Entry point: the command line decides what runs; Spring starts only for commands that need it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MastersyncApplication {

    public static void main(String[] args) {
        System.exit(MastersyncCommand.execute(args));
    }
}
