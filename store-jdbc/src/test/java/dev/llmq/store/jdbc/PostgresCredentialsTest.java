package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.llmq.core.port.out.StoreException;
import dev.llmq.core.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A wrong PostgreSQL password gives a clear error, and the password appears in no message and no log. */
class PostgresCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void aWrongPasswordIsReportedWithoutShowingIt() throws Exception {
        DbConfig good = TestDatabases.postgres();
        String planted = "planted-" + Long.toHexString(System.nanoTime()) + "-password";
        Path secret = dir.resolve("password");
        Files.writeString(secret, planted);
        DbConfig bad = DbConfig.fromEnv(Map.of("LLMQ_DB_URL", good.url(), "LLMQ_DB_USER", good.user().orElse("llmq"),
                "LLMQ_DB_PASSWORD_FILE", secret.toString()));

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        String[] names = {org.slf4j.Logger.ROOT_LOGGER_NAME, "com.zaxxer.hikari", "org.postgresql", "org.flywaydb",
            "dev.llmq"};
        Level[] before = new Level[names.length];
        for (int i = 0; i < names.length; i++) {
            Logger l = (Logger) LoggerFactory.getLogger(names[i]);
            before[i] = l.getLevel();
            l.setLevel(Level.DEBUG);
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        long timeout = JdbcStore.initializationFailTimeoutMs;
        JdbcStore.initializationFailTimeoutMs = 1;
        StoreException e;
        try {
            e = assertThrows(StoreException.class, () -> JdbcStore.open(bad, new MutableClock(Instant.EPOCH)));
        } finally {
            JdbcStore.initializationFailTimeoutMs = timeout;
            root.detachAppender(logs);
            for (int i = 0; i < names.length; i++) {
                ((Logger) LoggerFactory.getLogger(names[i])).setLevel(before[i]);
            }
        }
        assertTrue(e.getMessage().contains("cannot connect to PostgreSQL " + good.url()), e.getMessage());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(planted), "the password is in the error");
        assertFalse(logs.list.isEmpty(), "DEBUG logs were captured");
        for (ILoggingEvent event : logs.list) {
            assertFalse(event.getFormattedMessage().contains(planted), "the password is in a log: " + event);
            if (event.getThrowableProxy() != null) {
                assertFalse(event.getThrowableProxy().getMessage() != null
                        && event.getThrowableProxy().getMessage().contains(planted), "the password is in a logged error");
            }
        }
    }
}
