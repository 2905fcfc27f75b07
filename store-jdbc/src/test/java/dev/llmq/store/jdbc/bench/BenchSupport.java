package dev.llmq.store.jdbc.bench;

import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.store.jdbc.DbConfig;
import dev.llmq.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens a fresh database for a benchmark: {@code sqlite} (a temp file) or {@code postgres} (LLMQ_TEST_PG_*). */
final class BenchSupport {
    private BenchSupport() {
    }

    static JdbcStore open(String engine, Clock clock) throws Exception {
        if (engine.equals("postgres")) {
            String url = System.getenv("LLMQ_TEST_PG_URL");
            if (url == null) {
                throw new IllegalStateException("set LLMQ_TEST_PG_URL, LLMQ_TEST_PG_USER, LLMQ_TEST_PG_PASSWORD "
                        + "(eval \"$(.ci/start-postgres)\")");
            }
            try (Connection c = DriverManager.getConnection(url, System.getenv("LLMQ_TEST_PG_USER"),
                    System.getenv("LLMQ_TEST_PG_PASSWORD")); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS public CASCADE");
                st.execute("CREATE SCHEMA public");
            }
            return JdbcStore.open(new DbConfig(url, Optional.ofNullable(System.getenv("LLMQ_TEST_PG_USER")),
                    Optional.ofNullable(System.getenv("LLMQ_TEST_PG_PASSWORD"))), clock);
        }
        Path dir = Files.createTempDirectory("llmq-bench");
        return JdbcStore.open(DbConfig.sqlite(dir.resolve("llmq.db")), clock);
    }

    /** {@code n} daily schedules "b0".."b{n-1}", all next firing at {@code next}. */
    static List<StoredSchedule> schedules(int n, Instant next) {
        List<StoredSchedule> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Schedule s = new Schedule(new ChannelRef("bench", "space" + (i % 100), "b" + i), LocalTime.of(9, 0),
                    ZoneId.of("UTC"), Schedule.EVERY_DAY, List.of(), Optional.empty(), true, Optional.empty(), "bench");
            out.add(new StoredSchedule(s, next, Optional.empty()));
        }
        return out;
    }
}
