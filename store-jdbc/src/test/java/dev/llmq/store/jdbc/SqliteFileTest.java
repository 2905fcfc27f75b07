package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.port.out.StoreException;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite file: created on first start, WAL, busy timeout, kept across restarts, clear errors. */
class SqliteFileTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T00:00:00Z"));

    private static Schedule schedule(String channel) {
        return new Schedule(new ChannelRef("console", "local", channel), LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"),
                Schedule.EVERY_DAY, List.of(), Optional.empty(), true, Optional.empty(), "me");
    }

    @Test
    void theFileAndItsDirectoryAreCreatedOnFirstStartInWalModeWithABusyTimeout() throws Exception {
        Path file = dir.resolve("data/sub/llmq.db");
        assertFalse(Files.exists(file.getParent()));
        try (JdbcStore store = JdbcStore.open(DbConfig.sqlite(file), clock)) {
            assertTrue(Files.isRegularFile(file));
            store.auto(c -> {
                try (Statement st = c.createStatement()) {
                    assertEquals("wal", single(st, "PRAGMA journal_mode"));
                    assertEquals(String.valueOf(JdbcStore.BUSY_TIMEOUT_MS), single(st, "PRAGMA busy_timeout"));
                }
                return null;
            });
            assertTrue(store.describe().contains(file.toString()), store.describe());
        }
    }

    private static String single(Statement st, String sql) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void schedulesAreKeptAcrossARestart() {
        DbConfig config = DbConfig.sqlite(dir.resolve("llmq.db"));
        try (JdbcStore store = JdbcStore.open(config, clock)) {
            store.putSchedule(schedule("terminal"), Instant.parse("2026-03-03T01:00:00Z"));
        }
        try (JdbcStore again = JdbcStore.open(config, clock)) {
            assertEquals(schedule("terminal"), again.schedule(new ChannelRef("console", "local", "terminal"))
                    .orElseThrow().schedule());
            assertEquals(1, again.schedules("console", "local").size());
        }
    }

    @Test
    void aCorruptFileGivesAClearErrorNamingThePath() throws Exception {
        Path file = dir.resolve("llmq.db");
        Files.writeString(file, "not a database at all; ".repeat(300));
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(DbConfig.sqlite(file), clock));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a valid SQLite database"), e.getMessage());
    }

    @Test
    void aTruncatedDatabaseGivesAClearErrorNamingThePath() throws Exception {
        Path file = dir.resolve("llmq.db");
        try (JdbcStore store = JdbcStore.open(DbConfig.sqlite(file), clock)) {
            store.putSchedule(schedule("t"), Instant.EPOCH);
        }
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5; // keep the header, garble every page
        }
        Files.write(file, bytes);
        Files.deleteIfExists(dir.resolve("llmq.db-wal"));
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(DbConfig.sqlite(file), clock));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeCreatedGivesAClearErrorNamingThePath() throws Exception {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "x");
        Path file = notADir.resolve("llmq.db");
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(DbConfig.sqlite(file), clock));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cannot create the directory " + notADir), e.getMessage());
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsRefused() throws Exception {
        Path file = dir.resolve("llmq.db");
        Files.createDirectories(file);
        StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(DbConfig.sqlite(file), clock));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void anUnwritableFileGivesAClearErrorNamingThePath() throws Exception {
        Path file = dir.resolve("llmq.db");
        try (JdbcStore store = JdbcStore.open(DbConfig.sqlite(file), clock)) {
            store.putSchedule(schedule("t"), Instant.EPOCH);
        }
        // Root writes read-only files, so make the file immutable where chattr works; else chmod it.
        boolean immutable = run("chattr", "+i", file.toString());
        if (!immutable) {
            Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                    "running as root without chattr: an unwritable file cannot be made here");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        }
        try {
            StoreException e = assertThrows(StoreException.class, () -> JdbcStore.open(DbConfig.sqlite(file), clock));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("not writable"), e.getMessage());
        } finally {
            if (immutable) {
                run("chattr", "-i", file.toString());
            }
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void connectionsAreUsable() throws Exception {
        try (JdbcStore store = JdbcStore.open(DbConfig.sqlite(dir.resolve("llmq.db")), clock)) {
            Integer n = store.auto((Connection c) -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schedules")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, n);
        }
    }
}
