package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.config.StartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultIsAnSqliteFileUnderData() {
        DbConfig c = DbConfig.fromEnv(Map.of());
        assertEquals(DbConfig.DEFAULT_URL, c.url());
        assertTrue(c.isSqlite());
        assertEquals(Path.of("data/llmq.db").toAbsolutePath(), c.sqlitePath());
    }

    @Test
    void postgresCredentialsComeFromVariablesOrFiles() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "s3cret-from-file\n");
        DbConfig c = DbConfig.fromEnv(Map.of("LLMQ_DB_URL", "jdbc:postgresql://db:5432/llmq?sslmode=disable",
                "LLMQ_DB_USER", "bot", "LLMQ_DB_PASSWORD_FILE", pw.toString()));
        assertTrue(c.isPostgres());
        assertEquals(Optional.of("bot"), c.user());
        assertEquals(Optional.of("s3cret-from-file"), c.password());
        assertFalse(c.toString().contains("s3cret"), c.toString());
        assertEquals("PostgreSQL jdbc:postgresql://db:5432/llmq as bot", c.describe());
    }

    @Test
    void urlParametersThatMayHoldAPasswordAreNotShown() {
        DbConfig c = new DbConfig("jdbc:postgresql://db/llmq?password=planted-token", Optional.empty(), Optional.empty());
        assertFalse(c.describe().contains("planted-token"));
    }

    @Test
    void badSettingsAreRefusedByName() throws Exception {
        StartupFailure both = assertThrows(StartupFailure.class, () -> DbConfig.fromEnv(Map.of(
                "LLMQ_DB_PASSWORD", "a", "LLMQ_DB_PASSWORD_FILE", "/x")));
        assertTrue(both.getMessage().startsWith("LLMQ_DB_PASSWORD: both LLMQ_DB_PASSWORD and LLMQ_DB_PASSWORD_FILE are set"), both.getMessage());
        StartupFailure missing = assertThrows(StartupFailure.class, () -> DbConfig.fromEnv(Map.of(
                "LLMQ_DB_USER_FILE", dir.resolve("nope").toString())));
        assertTrue(missing.getMessage().startsWith("LLMQ_DB_USER_FILE: cannot read ") && missing.getMessage().contains("nope (no such file)"),
                missing.getMessage());
        StartupFailure kind = assertThrows(StartupFailure.class, () -> DbConfig.fromEnv(Map.of(
                "LLMQ_DB_URL", "jdbc:mysql://secret-host/db")));
        assertTrue(kind.getMessage().startsWith("LLMQ_DB_URL: must start with jdbc:sqlite:") && !kind.getMessage().contains("secret-host"),
                kind.getMessage());
    }

    @Test
    void sqliteUrlsWithOptionsOrFilePrefix() {
        DbConfig c = new DbConfig("jdbc:sqlite:file:/tmp/x/llmq.db?cache=shared", Optional.empty(), Optional.empty());
        assertEquals(Path.of("/tmp/x/llmq.db"), c.sqlitePath());
        assertTrue(new DbConfig("jdbc:sqlite::memory:", Optional.empty(), Optional.empty()).isMemory());
    }
}
