package io.mastersync.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps database credentials out of lineage, messages and logs: strips user and password from JDBC
 * URLs and blanks a known password wherever it still shows up. Stateless and thread-safe.
 */
final class JdbcUrls {

    private static final Set<String> SECRET_PARAMETERS = Set.of("user", "username", "password", "pwd", "passwd");
    private static final Pattern USER_INFO = Pattern.compile("//[^/?;@]*@");
    private static final String MASK = "***";

    private JdbcUrls() {
    }

    /** The URL without {@code user:password@} and without user/password parameters; null stays null. */
    static String sanitize(String url, String password) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceFirst("//");
        int q = s.indexOf('?');
        String base = q < 0 ? s : s.substring(0, q);
        String query = q < 0 ? null : s.substring(q + 1);
        // Some drivers (SQL Server, Derby) put properties after ';' in the base part.
        List<String> baseParts = new ArrayList<>(List.of(base.split(";", -1)));
        String cleanBase = baseParts.get(0) + join(";", keep(baseParts.subList(1, baseParts.size())), true);
        String cleanQuery = query == null ? "" : join("&", keep(List.of(query.split("&", -1))), false);
        String result = cleanBase + (cleanQuery.isEmpty() ? "" : "?" + cleanQuery);
        return password == null || password.length() < 4 ? result : scrub(result, password);
    }

    /** The text with every occurrence of the password replaced; for driver messages. */
    static String scrub(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }

    /**
     * A driver message made safe: the full URL replaced by its sanitised form, then the configured
     * password and any password written into the URL replaced by a mask.
     */
    static String scrubMessage(String text, String url, String password) {
        if (text == null) {
            return null;
        }
        String result = url == null ? text : text.replace(url, sanitize(url, password));
        for (String secret : secrets(url, password)) {
            result = scrub(result, secret);
        }
        return result;
    }

    /** Every password the configuration holds: the password key and passwords inside the URL. */
    static List<String> secrets(String url, String password) {
        List<String> secrets = new ArrayList<>();
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        if (url != null) {
            java.util.regex.Matcher userInfo = Pattern.compile("//[^/?;@:]*:([^/?;@]+)@").matcher(url);
            if (userInfo.find()) {
                secrets.add(userInfo.group(1));
            }
            java.util.regex.Matcher parameter = Pattern.compile("(?i)[?&;](?:password|pwd|passwd)=([^&;]+)").matcher(url);
            while (parameter.find()) {
                secrets.add(parameter.group(1));
            }
        }
        return secrets;
    }

    private static List<String> keep(List<String> parameters) {
        List<String> kept = new ArrayList<>();
        for (String p : parameters) {
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && !SECRET_PARAMETERS.contains(name)) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static String join(String separator, List<String> parts, boolean leading) {
        if (parts.isEmpty()) {
            return "";
        }
        return (leading ? separator : "") + String.join(separator, parts);
    }
}
