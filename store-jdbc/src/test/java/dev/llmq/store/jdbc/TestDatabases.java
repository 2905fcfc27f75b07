package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The two engines the tests run on. PostgreSQL comes from {@code LLMQ_TEST_PG_URL} (with
 * {@code LLMQ_TEST_PG_USER} and {@code LLMQ_TEST_PG_PASSWORD}); {@code .ci/run} starts one. When the
 * URL is unset the PostgreSQL tests are skipped with a message, except in CI ({@code CI=true}),
 * where they fail: there they must run.
 */
final class TestDatabases {
    private static boolean warned;
    private TestDatabases() {
    }

    static DbConfig sqlite(Path dir) {
        return DbConfig.sqlite(dir.resolve("llmq.db"));
    }

    /** The test PostgreSQL, emptied; skips (or fails in CI) when none is configured. */
    static DbConfig postgres() {
        String url = System.getenv("LLMQ_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String how = "Run .ci/run, or start a server (eval \"$(.ci/start-postgres)\"), which sets LLMQ_TEST_PG_URL, "
                    + "LLMQ_TEST_PG_USER and LLMQ_TEST_PG_PASSWORD.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true: the PostgreSQL store tests must run here, but LLMQ_TEST_PG_URL is unset. " + how);
            }
            String why = "LLMQ_TEST_PG_URL is unset, so the PostgreSQL store tests are skipped. " + how;
            if (!warned) {
                warned = true;
                System.out.println("[store-jdbc] SKIPPED: " + why);
            }
            Assumptions.abort(why);
        }
        DbConfig config = new DbConfig(url, Optional.ofNullable(System.getenv("LLMQ_TEST_PG_USER")),
                Optional.ofNullable(System.getenv("LLMQ_TEST_PG_PASSWORD")));
        try (Connection c = DriverManager.getConnection(url, config.user().orElse(null),
                config.password().orElse(null)); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + config.describe() + ": "
                    + e.getMessage(), e);
        }
        return config;
    }

    static JdbcStore open(DbConfig config, Clock clock) {
        return JdbcStore.open(config, clock);
    }
}
