package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The README's Study transcript is what the console prints: the lines typed after "> " are
 * replayed with the clock at 2026-12-01 12:00 UTC, a fixed seed and the machine's zone set to UTC,
 * and the whole output must equal the block.
 */
@Isolated // it sets the JVM's default time zone, which the console reads as the member's
class ReadmeTranscriptTest {
    static final Path README = Path.of("..", "README.md");
    static final String MARK = "<!-- study-transcript -->";
    static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
    static final long SEED = 42;

    @Test
    void theStudyTranscriptIsWhatTheConsolePrints() throws IOException {
        List<String> block = block();
        String command = block.get(0);
        assertTrue(command.startsWith("$ ./llmq console "), command);
        List<String> args = new ArrayList<>(List.of(command.substring("$ ./llmq ".length()).split(" ")));
        int q = args.indexOf("--questions");
        args.set(q + 1, Path.of("..").resolve(args.get(q + 1)).toString()); // the README's paths are from the root
        StringBuilder typed = new StringBuilder();
        for (String line : block) {
            if (line.startsWith("> ")) {
                typed.append(line.substring(2)).append('\n');
            }
        }
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        CliHarness r;
        try {
            r = CliHarness.run(new Sources(Clock.fixed(AT, ZoneOffset.UTC), () -> new SplittableRandom(SEED)), Map.of(),
                    typed.toString(), args.toArray(String[]::new));
        } finally {
            TimeZone.setDefault(zone);
        }
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(String.join("\n", block.subList(1, block.size())), r.out().stripTrailing(),
                "README.md's Study transcript differs from a run; if the change is meant, paste the run's output");
    }

    /** The lines of the code block after the mark. */
    static List<String> block() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int mark = lines.indexOf(MARK);
        assertTrue(mark >= 0, "README.md has no " + MARK);
        assertEquals("```", lines.get(mark + 1), "a code block follows the mark");
        int end = lines.subList(mark + 2, lines.size()).indexOf("```");
        return lines.subList(mark + 2, mark + 2 + end);
    }
}
