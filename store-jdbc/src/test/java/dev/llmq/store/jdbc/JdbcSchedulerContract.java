package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.port.out.Store;
import dev.llmq.core.testing.contract.SchedulerContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduler contract on a JDBC engine, plus what only a database can hold: a row that no
 * longer reads as a schedule.
 */
abstract class JdbcSchedulerContract extends SchedulerContract {
    private DbConfig config;

    /** A fresh database (called once per test; reopening uses the same). */
    abstract DbConfig config();

    @Override
    protected Store openStore(Clock clock) {
        if (config == null) {
            config = config();
        }
        return JdbcStore.open(config, clock);
    }

    @Test
    void aBrokenScheduleDoesNotBlockTheOthers() throws Exception {
        start();
        put(schedule("good", "09:00", "UTC"));
        try (Connection c = DriverManager.getConnection(config.isSqlite() ? "jdbc:sqlite:" + config.sqlitePath()
                : config.url(), config.user().orElse(null), config.password().orElse(null));
             Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO schedules (platform, channel, space, local_time, zone_id, weekdays, topics, "
                    + "lang, thread, reveal_after_s, created_by, created_at, next_fire_at) VALUES ('test', 'bad', 'space', "
                    + "'09:00', 'Mars/Olympus', 'mon', '', NULL, 1, NULL, 'x', 0, 0)");
        }
        capture();
        runUntil(Instant.parse("2026-03-02T10:00:00Z"), Duration.ofHours(1));
        assertEquals(List.of(LocalDate.parse("2026-03-02")), publisher.dates("good"));
    }
}
