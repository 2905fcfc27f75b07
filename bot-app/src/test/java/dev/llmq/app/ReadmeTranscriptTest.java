package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every console transcript in the README is what the console prints (issue 18). A transcript is
 * a code block after a {@code <!-- transcript -->} mark, whose optional arguments
 * ({@code <!-- transcript: --seed 7 --clock 2026-12-01T09:00:00Z -->}) are added to each run, so a
 * run draws the same questions at the same time. In the block, a line {@code $ ./llmq ...} runs
 * the console with the {@code > } lines that follow as its input, and
 * {@code $ printf '...' | ./llmq ...} with the printf text; the lines up to the next {@code $} are
 * its output. The runs of one block share one database, as a reader's runs share
 * {@code data/llmq.db}. The machine's zone is UTC. The test compares; it never writes the README.
 */
@Isolated // it sets the JVM's default time zone, which the console reads as the member's
class ReadmeTranscriptTest {
    static final Path README = Path.of("..", "README.md");
    static final Pattern MARK = Pattern.compile("<!-- transcript(?::\\s*(.*?))?\\s*-->");
    static final Pattern PRINTF = Pattern.compile("^\\$ printf '((?:[^'])*)' \\| \\./llmq(.*)$");

    /** One transcript: where it is, the mark's arguments and the block's lines. */
    record Transcript(int line, List<String> markArgs, List<String> lines) {
        @Override
        public String toString() {
            return "README.md:" + line;
        }
    }

    static Stream<Transcript> transcripts() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<Transcript> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARK.matcher(lines.get(i).strip());
            if (!m.matches()) {
                continue;
            }
            assertEquals("```", lines.get(i + 1), "README.md:" + (i + 1) + ": a code block follows the mark");
            int end = lines.subList(i + 2, lines.size()).indexOf("```");
            List<String> args = m.group(1) == null ? List.of() : List.of(m.group(1).strip().split("\\s+"));
            out.add(new Transcript(i + 1, args, lines.subList(i + 2, i + 2 + end)));
        }
        return out.stream();
    }

    @Test
    void theReadmeHasItsTranscripts() throws IOException {
        assertTrue(transcripts().count() >= 3, "the README's transcripts are marked");
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void eachTranscriptIsWhatTheConsolePrints(Transcript t) {
        Map<String, String> env = Map.of("LLMQ_DB_URL", "jdbc:sqlite:" + dir.resolve("llmq.db"),
                ConsoleFiles.VARIABLE, dir.resolve("files").toString(), ConsoleTerminal.HISTORY_VARIABLE, "off");
        List<String> lines = t.lines();
        int i = 0;
        while (i < lines.size()) {
            String command = lines.get(i);
            assertTrue(command.startsWith("$ "), t + ": a transcript starts with a command: " + command);
            int next = i + 1;
            while (next < lines.size() && !lines.get(next).startsWith("$ ")) {
                next++;
            }
            List<String> shown = lines.subList(i + 1, next);
            String input;
            String rest;
            Matcher printf = PRINTF.matcher(command);
            if (printf.matches()) {
                input = printf.group(1).replace("\\n", "\n");
                rest = printf.group(2);
            } else {
                assertTrue(command.startsWith("$ ./llmq"), t + ": " + command);
                StringBuilder typed = new StringBuilder();
                shown.stream().filter(l -> l.startsWith("> ")).forEach(l -> typed.append(l.substring(2)).append('\n'));
                input = typed.toString();
                rest = command.substring("$ ./llmq".length());
            }
            String output = run(t, rest.replaceAll("\\s+#.*$", ""), input, env);
            assertEquals(String.join("\n", shown), output.stripTrailing(),
                    t + ": the transcript of `" + command + "` differs from a run; if the change is meant, paste the run's output");
            i = next;
        }
    }

    private static String run(Transcript t, String commandArgs, String input, Map<String, String> env) {
        List<String> args = new ArrayList<>(t.markArgs());
        List<String> given = commandArgs.isBlank() ? List.of() : List.of(commandArgs.strip().split("\\s+"));
        args.addAll(given);
        if (!given.contains("console")) {
            args.add("console"); // ./llmq with no platform token opens the console
        }
        int q = args.indexOf("--questions");
        if (q >= 0) {
            args.set(q + 1, Path.of("..").resolve(args.get(q + 1)).toString()); // the README's paths are from the root
        } else {
            args.add(0, "--questions");
            args.add(1, Path.of("..", "questions.yaml").toString()); // ./llmq in the checkout uses its bank
        }
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        CliHarness r;
        try {
            r = CliHarness.run(env, input, args.toArray(String[]::new));
        } finally {
            TimeZone.setDefault(zone);
        }
        assertEquals(0, r.exitCode(), t + ": " + r.err());
        assertFalse(r.out().contains("\u001B"), t + ": no control codes in piped output");
        return r.out();
    }
}
