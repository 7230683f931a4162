package io.mastersync.cli;

/**
 * Marks a command that starts the application context: the command factory builds it with the Spring
 * arguments ({@code --spring.*} etc.) through a constructor taking a {@code List<String>}.
 */
interface SpringCommand {
}
