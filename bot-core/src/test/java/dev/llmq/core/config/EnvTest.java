package dev.llmq.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule for every X / X_FILE secret, and the one-line failure it reports. */
class EnvTest {
    private static final String SECRET = "s3cret-value";

    @Test
    void blankCountsAsUnsetAndValuesAreStripped() {
        Env env = new Env(Map.of("A", "  ", "B", " b \n"));
        assertEquals(Optional.empty(), env.get("A"));
        assertEquals(Optional.of("b"), env.get("B"));
        assertEquals(Optional.empty(), env.secret("A"));
        assertFalse(env.hasSecret("A"));
    }

    @Test
    void aSecretComesFromTheVariableOrFromItsFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), SECRET + "\n");
        assertEquals(Optional.of(SECRET), new Env(Map.of("TOKEN", SECRET)).secret("TOKEN"));
        assertEquals(Optional.of(SECRET), new Env(Map.of("TOKEN_FILE", file.toString())).secret("TOKEN"));
        assertTrue(new Env(Map.of("TOKEN_FILE", file.toString())).hasSecret("TOKEN"));
    }

    @Test
    void bothSetIsRefusedRatherThanOneWinningSilently(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), SECRET);
        StartupFailure f = assertThrows(StartupFailure.class,
                () -> new Env(Map.of("TOKEN", SECRET, "TOKEN_FILE", file.toString())).secret("TOKEN"));
        assertEquals("TOKEN: both TOKEN and TOKEN_FILE are set (set only one of them)", f.line());
        assertEquals(StartupFailure.Kind.SETTING, f.kind());
    }

    @Test
    void anUnreadableOrEmptyFileNamesTheFileVariableAndNeverTheValue(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing");
        StartupFailure none = assertThrows(StartupFailure.class,
                () -> new Env(Map.of("TOKEN_FILE", missing.toString())).secret("TOKEN"));
        assertEquals("TOKEN_FILE: cannot read " + missing + " (no such file) (name a readable file that holds the value "
                + "of TOKEN)", none.line());
        StartupFailure directory = assertThrows(StartupFailure.class,
                () -> new Env(Map.of("TOKEN_FILE", dir.toString())).secret("TOKEN"));
        assertTrue(directory.line().startsWith("TOKEN_FILE: cannot read " + dir + " ("), directory.line());
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        StartupFailure blank = assertThrows(StartupFailure.class,
                () -> new Env(Map.of("TOKEN_FILE", empty.toString())).secret("TOKEN"));
        assertEquals("TOKEN_FILE: " + empty + " is empty (put the value of TOKEN in it)", blank.line());
        assertEquals(2, blank.kind().exitCode());
    }

    @Test
    void aFailureIsOneLineWithWhatToDo() {
        StartupFailure f = StartupFailure.runtime("Slack", "cannot resolve the host slack.invalid", "check the network", null);
        assertEquals("Slack: cannot resolve the host slack.invalid (check the network)", f.line());
        assertEquals(1, f.kind().exitCode());
        assertThrows(IllegalArgumentException.class, () -> StartupFailure.setting("X", "two\nlines", "fix it"));
        assertThrows(IllegalArgumentException.class, () -> StartupFailure.setting("X", "no remedy", " "));
    }

    @Test
    void aNetworkFailureIsToldApartFromARefusal() {
        Exception dns = new IllegalArgumentException("The token is invalid", new UnknownHostException("slack.invalid"));
        assertEquals(Optional.of("cannot resolve the host slack.invalid"), Unreachable.why(dns, "slack.invalid"));
        assertEquals(Optional.of("cannot resolve the host x"),
                Unreachable.why(new RuntimeException("x: Name or service not known"), "x"));
        assertEquals(Optional.of("cannot connect to 127.0.0.1 (connection refused)"),
                Unreachable.why(new RuntimeException(new ConnectException("refused")), "127.0.0.1"));
        assertEquals(Optional.empty(), Unreachable.why(new IllegalStateException("invalid_auth"), "slack.com"));
    }
}
