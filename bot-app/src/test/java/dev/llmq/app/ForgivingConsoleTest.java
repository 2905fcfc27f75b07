package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18: what a newcomer types in the first ten minutes, piped into the console as
 * {@code printf ... | ./llmq console} does, and what each line must (and must not) answer.
 */
class ForgivingConsoleTest {
    /** One row: what is typed, what the output contains, and what it must not contain. */
    record Row(String name, String input, List<String> says, List<String> never) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String UNKNOWN = "I don't know the topic";

    static Stream<Row> rows() {
        return Stream.of(
                new Row("bare quit ends the session", "quit\n/llmq topics\n", List.of(), List.of("Topics")),
                new Row("bare exit ends the session", "exit\n/llmq topics\n", List.of(), List.of("Topics")),
                new Row("the command word ignores case", "/LLMQ arch\n", List.of("── Architectures"), List.of(UNKNOWN)),
                new Row("difficulty as the card's word", "/llmq difficulty:hard\n", List.of(" · hard · "), List.of(UNKNOWN)),
                new Row("difficulty as the Chinese word", "/llmq arch difficulty:简单\n", List.of(" · easy · "),
                        List.of(UNKNOWN)),
                new Row("a bad difficulty says the words", "/llmq difficulty:extreme\n",
                        List.of("Difficulty is 1, 2 or 3 (easy, medium or hard)."), List.of(UNKNOWN)),
                new Row("-1 is not a button", "/llmq arch\n-1\n", List.of("Type a number from 1 to"), List.of(UNKNOWN)),
                new Row("1.0 is not a button", "/llmq arch\n1.0\n", List.of("Type a number from 1 to"), List.of(UNKNOWN)),
                new Row("a repeated option is refused", "/llmq arch lang:en lang:zh\n",
                        List.of("\"lang:\" is given twice"), List.of(UNKNOWN)),
                new Row("an option a command does not take is refused", "/llmq daily set 09:00 UTC difficulty:3\n",
                        List.of("\"difficulty:3\": daily commands take no difficulty"), List.of("Daily question set")),
                new Row("a key:value that is no option", "/llmq topic:rag\n", List.of("\"topic:rag\" is not an option"),
                        List.of(UNKNOWN)),
                new Row("daily set without a zone", "/llmq daily set 09:00\n",
                        List.of("the time zone is missing (e.g. Asia/Shanghai"), List.of("I don't understand")),
                new Row("daily set with a day that is none", "/llmq daily set 09:00 Europe/London funday\n",
                        List.of("\"funday\" is not a day: use mon-fri, weekdays, weekends"), List.of(UNKNOWN)),
                new Row("arrow keys in piped input", "/llmq arch\u001B[D\u001B[D\n", List.of("── Architectures"),
                        List.of("\u001B", "[D", UNKNOWN)),
                new Row("a daily post's buttons can be pressed", "/llmq daily set 09:00 UTC\n/llmq daily now\n1\n",
                        List.of("── Answer · "), List.of("There are no buttons to press yet")),
                new Row("daily now with no schedule says it is a one-off", "/llmq daily now\n",
                        List.of("Posted one question now. No daily question is set here"), List.of("Today's question is posted.")),
                new Row("daily now after off says none is set", "/llmq daily set 09:00 UTC\n/llmq daily now\n/llmq daily off\n"
                        + "/llmq daily now\n", List.of("was already posted here", "No daily question is set here now."),
                        List.of()),
                new Row("the help lists every day form", "/llmq help\n",
                        List.of("daily, weekdays, weekends, mon-fri, mon,wed,fri"), List.of()),
                new Row("no 'only you can see' in a terminal", "/llmq arch\n1\n", List.of("── Answer · "),
                        List.of("Only you can see")));
    }

    @TempDir
    Path dir;
    Map<String, String> env;

    @BeforeEach
    void bank() throws Exception {
        env = CliHarness.fixtureEnv(dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachLineIsAnsweredAsANewcomerExpects(Row row) {
        CliHarness r = CliHarness.run(env, row.input(), "console");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        for (String s : row.says()) {
            assertTrue(out.contains(s), row.name() + ": expected \"" + s + "\" in:\n" + out);
        }
        for (String s : row.never()) {
            assertFalse(out.contains(s), row.name() + ": did not expect \"" + s + "\" in:\n" + out);
        }
    }

    /** A 100,000-character line is quoted back once, cut short: the reply stays readable. */
    @org.junit.jupiter.api.Test
    void aHugeUnknownTopicIsQuotedOnceAndCut() {
        String huge = "x".repeat(100_000);
        CliHarness r = CliHarness.run(env, "/llmq " + huge + "\n", "console");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().length() < 2_000, "the reply is " + r.out().length() + " characters");
        assertTrue(r.out().contains(UNKNOWN + " \"" + "x".repeat(60) + "…\""), r.out());
        assertEquals(1, r.out().split("Topics:", -1).length - 1, "the topics are listed once:\n" + r.out());
    }
}
