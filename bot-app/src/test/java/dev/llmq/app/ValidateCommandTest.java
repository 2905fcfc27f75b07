package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validFileExitsZero() throws Exception {
        Path f = dir.resolve("ok.yaml");
        Files.write(f, Fixtures.resource("fixture.yaml"));
        CliHarness r = CliHarness.run(Map.of(), "", "validate", f.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("ok: 7 questions in 3 topics"), r.out());
    }

    @Test
    void malformedFileExitsOneWithLineAndFieldAndNoStackTrace() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.write(f, Fixtures.resource("invalid/difficulty-out-of-range.yaml"));
        CliHarness r = CliHarness.run(Map.of(), "", "validate", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(f + ":9:17: questions[q1].difficulty: difficulty 4 is out of range"), r.err());
        assertTrue(r.err().contains("1 problem found."), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void syntaxErrorIsLocatedToo() throws Exception {
        Path f = dir.resolve("syntax.yaml");
        Files.write(f, Fixtures.resource("invalid/syntax-error.yaml"));
        CliHarness r = CliHarness.run(Map.of(), "", "validate", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(f + ":10:27: (yaml): YAML syntax error"), r.err());
    }

    @Test
    void missingFileExitsOne() {
        CliHarness r = CliHarness.run(Map.of(), "", "validate", dir.resolve("none.yaml").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, CliHarness.run(Map.of(), "", "validate", "--bogus").exitCode());
    }

    @Test
    void theShippedBankIsValid() {
        CliHarness r = CliHarness.run(Map.of(), "", "validate", Path.of("..", "questions.yaml").toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /** Issue 16's acceptance: the shipped bank passes the house style, and --stats reports the chains' holes. */
    @Test
    void theShippedBankPassesTheLintAndStatsShowNoHoles() {
        CliHarness r = CliHarness.run(Map.of(), "", "validate", "--lint", "--stats",
                Path.of("..", "questions.yaml").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("house style: ok"), r.out());
        assertTrue(r.out().contains("easy dead ends: 0\n"), r.out());
        assertTrue(r.out().contains("unreachable (medium or hard, no follow-up leads here): 0\n"), r.out());
    }

    @Test
    void aLintFindingIsLocatedAndExitsOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bank = dir.resolve("styled.yaml");
        java.nio.file.Files.writeString(bank, """
                version: 1
                topics:
                  - id: arch
                    name: {en: Architectures, zh: 架构}
                questions:
                  - id: q1
                    topic: arch
                    difficulty: 1
                    prompt: {en: "Why quantise?", zh: "为什么要量化?"}
                    answer: {en: "It is smaller.", zh: "窗口为4096,32层。"}
                """);
        CliHarness r = CliHarness.run(Map.of(), "", "validate", "--lint", bank.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("questions[q1].prompt.zh: ASCII punctuation in Chinese text"), r.err());
        assertTrue(r.err().contains("questions[q1].answer.zh: ASCII punctuation"), r.err());
        assertTrue(r.err().contains("questions[q1].prompt.en: spelling: American English"), r.err());
        assertTrue(r.err().contains("house style: "), r.err());
    }

    @Test
    void runWithoutPlatformSaysSoAndExitsTwo() {
        CliHarness r = CliHarness.run(Map.of(), "", "run");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no platform is configured"), r.err());
    }

    /** Issue 18: a YAML syntax error is told in plain words, where a person would fix it. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "a key indented unlike its siblings|version: 1\\ntopics:\\n  - id: a\\n    name: {en: A, zh: 甲}\\n   aliases: [x]\\n|:5:4: (yaml): YAML syntax error: indentation: this line is indented differently",
        "an unquoted ': ' in a value|version: 1\\ntopics:\\n  - id: a\\n    aliases: x: y\\n|:4:15: (yaml): YAML syntax error: indentation: a key here is not aligned with its siblings",
        "an unclosed quote, at the line it opens|version: 1\\ntopics:\\n  - id: a\\n    name: {en: \"A, zh: 甲}\\n    aliases: [x]\\nquestions: []\\n|:4:16: (yaml): YAML syntax error: a quote that opens here is never closed",
        "a tab|version: 1\\ntopics:\\n\\t- id: a\\n|:3:1: (yaml): YAML syntax error: a tab: indent with spaces"})
    void aSyntaxErrorGetsAPlainWordsHint(String name, String yaml, String expected) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml.replace("\\n", "\n").replace("\\t", "\t"));
        CliHarness r = CliHarness.run(Map.of(), "", "validate", f.toString());
        assertEquals(1, r.exitCode(), name);
        assertTrue(r.err().contains(f + expected), name + ":\n" + r.err());
    }

    @Test
    void questionsWithFileArgumentsIsRefusedWithTheReason() throws Exception {
        Path f = dir.resolve("ok.yaml");
        Files.write(f, Fixtures.resource("fixture.yaml"));
        CliHarness r = CliHarness.run(Map.of(), "", "--questions", f.toString(), "validate", f.toString());
        assertEquals(Main.EXIT_USAGE, r.exitCode());
        assertTrue(r.err().contains("either as FILE arguments or with --questions, not both"), r.err());
    }

    @Test
    void helpShowsTheHelp() {
        CliHarness r = CliHarness.run(Map.of(), "", "help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Usage: llmq") && r.out().contains("validate"), r.out());
    }
}
