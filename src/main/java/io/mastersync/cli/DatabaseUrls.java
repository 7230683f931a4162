package io.mastersync.cli;

/** Makes a JDBC URL fit to print: credentials in it are replaced by {@code ***}. */
final class DatabaseUrls {

    private DatabaseUrls() {
    }

    static String redact(String url) {
        return url
                .replaceAll("(?i)(password|pwd|passwd)=[^&;]*", "$1=***")
                .replaceAll("//([^/@:]+):([^@/]*)@", "//$1:***@");
    }
}
