package dev.llmq.store.jdbc;

import dev.llmq.core.config.Env;
import dev.llmq.core.config.StartupFailure;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives, from the environment: {@code LLMQ_DB_URL} (default
 * {@code jdbc:sqlite:data/llmq.db}); for PostgreSQL {@code LLMQ_DB_USER} and {@code LLMQ_DB_PASSWORD},
 * or {@code LLMQ_DB_USER_FILE} and {@code LLMQ_DB_PASSWORD_FILE} naming files that hold them (Docker
 * and Kubernetes secrets). {@link #toString()} never shows the password.
 */
public final class DbConfig {
    public static final String DEFAULT_URL = "jdbc:sqlite:data/llmq.db";
    public static final String URL = "LLMQ_DB_URL";
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRES = "jdbc:postgresql:";

    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;

    public DbConfig(String url, Optional<String> user, Optional<String> password) {
        this.url = Objects.requireNonNull(url, "url").strip();
        this.user = Objects.requireNonNull(user);
        this.password = Objects.requireNonNull(password);
        if (!isSqlite() && !isPostgres()) {
            // Only the scheme is shown: the rest of a URL may hold a user and a password.
            int colon = this.url.indexOf(':');
            int second = colon < 0 ? -1 : this.url.indexOf(':', colon + 1);
            String shown = second > 0 && this.url.startsWith("jdbc:") ? this.url.substring(0, second + 1)
                    : colon > 0 ? this.url.substring(0, colon + 1) : "a value with no scheme";
            throw StartupFailure.setting(URL, "must start with " + SQLITE + " or " + POSTGRES + ", not " + shown + "...",
                    "for example jdbc:sqlite:data/llmq.db, or jdbc:postgresql://HOST:5432/llmq");
        }
    }

    public static DbConfig sqlite(Path file) {
        return new DbConfig(SQLITE + file, Optional.empty(), Optional.empty());
    }

    /**
     * Reads the configuration from environment variables (see the class comment).
     *
     * @throws StartupFailure naming the variable that is wrong
     */
    public static DbConfig fromEnv(Map<String, String> vars) {
        Env env = new Env(vars);
        return new DbConfig(env.get(URL).orElse(DEFAULT_URL), env.secret("LLMQ_DB_USER"), env.secret("LLMQ_DB_PASSWORD"));
    }

    public String url() {
        return url;
    }

    public Optional<String> user() {
        return user;
    }

    /** The password, for the connection pool only; never print it. */
    Optional<String> password() {
        return password;
    }

    public boolean isSqlite() {
        return url.startsWith(SQLITE);
    }

    public boolean isPostgres() {
        return url.startsWith(POSTGRES);
    }

    /** True for an SQLite database that lives in memory only. */
    public boolean isMemory() {
        String p = sqliteTarget();
        return isSqlite() && (p.isEmpty() || p.equals(":memory:") || p.contains("mode=memory"));
    }

    private String sqliteTarget() {
        String rest = url.substring(SQLITE.length());
        int q = rest.indexOf('?');
        return q >= 0 ? rest.substring(0, q) : rest;
    }

    /** The SQLite database file, resolved against the working directory. */
    public Path sqlitePath() {
        if (!isSqlite() || isMemory()) {
            throw new IllegalStateException("not an SQLite file: " + describe());
        }
        String p = sqliteTarget();
        if (p.startsWith("file:")) {
            p = p.substring("file:".length());
        }
        return Path.of(p).toAbsolutePath().normalize();
    }

    /** The SQLite URL's options after {@code ?}, if any. */
    String sqliteOptions() {
        String rest = url.substring(SQLITE.length());
        int q = rest.indexOf('?');
        return q >= 0 ? rest.substring(q) : "";
    }

    /** A name for messages: the SQLite file, or the PostgreSQL URL without its parameters (which may hold a password). */
    public String describe() {
        if (isSqlite()) {
            return isMemory() ? "SQLite in memory" : "SQLite " + sqlitePath();
        }
        int q = url.indexOf('?');
        String plain = q >= 0 ? url.substring(0, q) : url;
        return "PostgreSQL " + plain + user.map(u -> " as " + u).orElse("");
    }

    @Override
    public String toString() {
        return describe();
    }
}
