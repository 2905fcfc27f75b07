package dev.llmq.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
            int colon = this.url.indexOf(':', this.url.indexOf(':') + 1);
            throw new IllegalArgumentException("LLMQ_DB_URL must start with " + SQLITE + " or " + POSTGRES + " (got "
                    + (colon > 0 ? this.url.substring(0, colon + 1) + "..." : "'" + this.url + "'") + ")");
        }
    }

    public static DbConfig sqlite(Path file) {
        return new DbConfig(SQLITE + file, Optional.empty(), Optional.empty());
    }

    /** Reads the configuration from environment variables (see the class comment). */
    public static DbConfig fromEnv(Map<String, String> env) {
        String url = env.getOrDefault("LLMQ_DB_URL", "");
        if (url.isBlank()) {
            url = DEFAULT_URL;
        }
        return new DbConfig(url, secret(env, "LLMQ_DB_USER"), secret(env, "LLMQ_DB_PASSWORD"));
    }

    private static Optional<String> secret(Map<String, String> env, String name) {
        String direct = env.get(name);
        String file = env.get(name + "_FILE");
        boolean hasDirect = direct != null && !direct.isEmpty();
        boolean hasFile = file != null && !file.isBlank();
        if (hasDirect && hasFile) {
            throw new IllegalArgumentException("set " + name + " or " + name + "_FILE, not both");
        }
        if (hasFile) {
            try {
                String v = Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(name + "_FILE: " + file.strip() + " is empty");
                }
                return Optional.of(v);
            } catch (IOException e) {
                throw new IllegalArgumentException(name + "_FILE: cannot read " + file.strip() + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
            }
        }
        return hasDirect ? Optional.of(direct) : Optional.empty();
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
