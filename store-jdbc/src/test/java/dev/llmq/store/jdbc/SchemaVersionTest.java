package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.port.out.StoreException;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up skips Flyway when the store already has every migration of this build: the check
 * must agree with the migration files, and must send anything else to Flyway.
 */
class SchemaVersionTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));

    @Test
    void theSchemaVersionIsTheNewestMigrationFile() throws Exception {
        Pattern name = Pattern.compile("V(\\d+)__.+\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertEquals(newest, JdbcStore.SCHEMA_VERSION, "a new migration must raise JdbcStore.SCHEMA_VERSION");
    }

    @Test
    void aNewDatabaseIsNotCurrentAndAMigratedOneIsOnSqlite() throws Exception {
        Path file = dir.resolve("llmq.db");
        try (Connection empty = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertFalse(JdbcStore.schemaIsCurrent(empty), "no history table: Flyway must run");
        }
        try (JdbcStore store = JdbcStore.open(DbConfig.sqlite(file), clock)) {
            assertTrue(store.auto(JdbcStore::schemaIsCurrent));
        }
    }

    @Test
    void aStoreReopenedWithoutFlywayStillWorksAndKeepsItsData() {
        Path file = dir.resolve("llmq.db");
        ChannelRef channel = new ChannelRef("console", "local", "c1");
        dev.llmq.core.port.out.DeckState deck = new dev.llmq.core.port.out.DeckState(1, java.util.Set.of("q1"),
                java.util.Optional.of("q1"));
        try (JdbcStore store = JdbcStore.open(DbConfig.sqlite(file), clock)) {
            assertTrue(store.replaceDeck(channel, dev.llmq.core.port.out.DeckState.EMPTY, deck));
        }
        try (JdbcStore again = JdbcStore.open(DbConfig.sqlite(file), clock)) {
            assertEquals(deck, again.deck(channel));
        }
    }

    @Test
    void aFailedMigrationInTheHistoryGoesToFlywayWhichRefusesIt() throws Exception {
        Path file = dir.resolve("llmq.db");
        JdbcStore.open(DbConfig.sqlite(file), clock).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("update flyway_schema_history set success = 0 where version = '"
                    + JdbcStore.SCHEMA_VERSION + "'");
            assertFalse(JdbcStore.schemaIsCurrent(c));
        }
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(DbConfig.sqlite(file), clock));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("fail"), e.getMessage());
    }

    @Test
    void anOlderSchemaIsNotCurrentOnPostgres() {
        DbConfig pg = TestDatabases.postgres();
        try (JdbcStore store = JdbcStore.open(pg, clock)) {
            assertTrue(store.auto(JdbcStore::schemaIsCurrent));
            store.auto(c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("delete from flyway_schema_history where version = '" + JdbcStore.SCHEMA_VERSION + "'");
                }
                return null;
            });
            assertFalse(store.auto(JdbcStore::schemaIsCurrent), "one migration short");
        }
    }
}
