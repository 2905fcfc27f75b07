package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the console's line editor, driven through a JLine terminal of type xterm-256color
 * whose keyboard is a pipe and whose screen is a buffer, as a terminal emulator would drive it:
 * arrow keys, Home/End, history (also across sessions, in its file) and Ctrl-R, and a daily post
 * printed while the person types.
 */
class JLineLinesTest {
    @TempDir
    Path dir;
    private PipedOutputStream keyboard;
    private ByteArrayOutputStream screen;
    private Terminal terminal;
    private JLineLines lines;

    @BeforeEach
    void open() throws IOException {
        lines = open(dir.resolve("history"));
    }

    private JLineLines open(Path history) throws IOException {
        keyboard = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
        screen = new ByteArrayOutputStream();
        terminal = TerminalBuilder.builder().system(false).streams(in, screen).type("xterm-256color")
                .size(new Size(100, 30)).encoding(StandardCharsets.UTF_8).build();
        return new JLineLines(terminal, Optional.of(history));
    }

    @AfterEach
    void close() {
        lines.close();
    }

    /** Types {@code keys} and returns the line the reader gives back. */
    private String type(String keys) throws Exception {
        CompletableFuture<Optional<String>> line = reading();
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return line.get(10, TimeUnit.SECONDS).orElse("<end of input>");
    }

    /**
     * Starts reading a line and returns once the prompt is on the screen: a key typed before that
     * (Ctrl-C above all, which the terminal turns into a signal) would reach no reader.
     */
    private CompletableFuture<Optional<String>> reading() throws InterruptedException {
        int before = screen.size();
        CompletableFuture<Optional<String>> line = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine("> ");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitScreen(before, "> ");
        return line;
    }

    /** Waits (up to 10 s) until the screen shows {@code text} after its first {@code from} bytes. */
    private void awaitScreen(int from, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!screen.toString(StandardCharsets.UTF_8).substring(from).contains(text) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    private String key(Capability c) {
        return KeyMap.key(terminal, c);
    }

    @Test
    void arrowKeysMoveTheCursorInsteadOfInsertingEscapes() throws Exception {
        String left = key(Capability.key_left);
        assertEquals("/llmq rXag", type("/llmq rag" + left + left + "X\r"));
        assertTrue(KeyMap.key(terminal, Capability.key_right).startsWith("\u001B"), "xterm's arrow keys are escapes");
    }

    /** Both forms of the cursor keys: a terminal that stays in normal mode sends ESC [ D, as tmux's send-keys does. */
    @Test
    void theNormalModeCursorKeysWorkToo() throws Exception {
        assertEquals("/llmq rXag", type("/llmq rag\u001B[D\u001B[DX\r"));
        assertEquals("/llmq rXag", type("\u001B[A\r"));
        assertEquals("/llmq arch", type("llmq arc\u001B[H/\u001B[Fh\r"));
    }

    @Test
    void homeAndEndJumpToTheEnds() throws Exception {
        assertEquals("/llmq architecture", type("llmq arch" + key(Capability.key_home) + "/"
                + key(Capability.key_end) + "itecture\r"));
        assertEquals("/llmq rag", type("llmq ra\u0001/\u0005g\r"), "Ctrl-A and Ctrl-E too");
    }

    @Test
    void upRecallsThePreviousLineAndCtrlRFindsAnOlderOne() throws Exception {
        type("/llmq attention\r");
        type("/llmq stats\r");
        assertEquals("/llmq stats", type(key(Capability.key_up) + "\r"));
        assertEquals("/llmq attention", type("\u0012atten\r"));
    }

    @Test
    void theHistoryIsKeptInItsFileForTheNextSession() throws Exception {
        type("/llmq moe\r");
        lines.close();
        assertTrue(Files.readString(dir.resolve("history")).contains("/llmq moe"));
        lines = open(dir.resolve("history"));
        assertEquals("/llmq moe", type(key(Capability.key_up) + "\r"));
    }

    @Test
    void aPostPrintedWhileTypingGoesAboveAndTheHalfTypedLineIsDrawnAgain() throws Exception {
        CompletableFuture<Optional<String>> line = reading();
        keyboard.write("/llmq ha".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        awaitScreen(0, "/llmq ha");
        int before = screen.size();
        lines.print("[#general] Daily question\n");
        String after = screen.toString(StandardCharsets.UTF_8).substring(before);
        int post = after.indexOf("[#general] Daily question");
        assertTrue(post >= 0, "the post is printed: " + after);
        assertTrue(after.indexOf("> /llmq ha", post) > post, "the prompt and the half-typed line come back below it: " + after);
        keyboard.write("lluc\r".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        assertEquals(Optional.of("/llmq halluc"), line.get(10, TimeUnit.SECONDS));
    }

    @Test
    void ctrlDOnAnEmptyLineEndsTheInput() throws Exception {
        assertEquals("<end of input>", type("\u0004"));
    }

    /** Ctrl-U drops what was typed, as in a shell. (Ctrl-C is a signal: JLine turns it into an interrupt.) */
    @Test
    void ctrlUDropsTheHalfTypedLine() throws Exception {
        assertEquals("/llmq rag", type("/llmq half\u0015/llmq rag\r"));
    }

    /** Issue 18: a log line (a refused reload, say) that comes while someone types goes above their line. */
    @Test
    void aWarningLoggedWhileTypingGoesAboveTheLine() throws Exception {
        CompletableFuture<Optional<String>> line = reading();
        keyboard.write("/llmq ra".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        awaitScreen(0, "/llmq ra");
        int before = screen.size();
        ConsoleLogs logs = ConsoleLogs.printThrough(lines);
        try {
            org.slf4j.LoggerFactory.getLogger("dev.llmq.app.LiveBank").warn("questions.yaml changed but is invalid; keeping the old bank");
        } finally {
            logs.close(); // the other tests' logs go where they went
        }
        String after = screen.toString(StandardCharsets.UTF_8).substring(before);
        int warning = after.indexOf("LiveBank - questions.yaml changed but is invalid");
        assertTrue(warning >= 0, "the warning is printed through the line editor: " + after);
        assertTrue(after.indexOf("> /llmq ra", warning) > warning, "the typed line comes back below it: " + after);
        keyboard.write("g\r".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        assertEquals(Optional.of("/llmq rag"), line.get(10, TimeUnit.SECONDS));
    }
}
