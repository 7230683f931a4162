package io.mastersync.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A throwaway PostgreSQL database for one test class, created next to the one named by
 * {@code -Dmastersync.test.db.url} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code -Dmastersync.test.db.user}, default {@code root}, password {@code -Dmastersync.test.db.password}).
 */
public final class TestDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final String url;
    private SingleConnectionDataSource dataSource;

    private TestDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        this.url = adminUrl.substring(0, slash + 1) + name + (query > 0 ? adminUrl.substring(query) : "");
    }

    public static TestDatabase create(String purpose) throws SQLException {
        String adminUrl = System.getProperty("mastersync.test.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("mastersync.test.db.user", "root");
        String password = System.getProperty("mastersync.test.db.password", "");
        String name = ("ms_it_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        TestDatabase db = new TestDatabase(adminUrl, user, password, name);
        db.admin("CREATE DATABASE " + name);
        return db;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The Spring arguments that point mastersync at this database. */
    public List<String> springArgs() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    public JdbcTemplate jdbc() {
        if (dataSource == null) {
            dataSource = new SingleConnectionDataSource(url, user, password, true);
        }
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() throws SQLException {
        if (dataSource != null) {
            dataSource.destroy();
        }
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
