package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the console end to end through piped input, as {@code printf ... | ./llmq console} does. */
class ConsoleEndToEndTest {
    @TempDir
    Path dir;
    Path bankFile;
    final QuestionBank bank = Fixtures.fixtureBank();

    @BeforeEach
    void writeBank() throws Exception {
        bankFile = dir.resolve("questions.yaml");
        Files.write(bankFile, Fixtures.resource("fixture.yaml"));
    }

    private CliHarness console(String input, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "console";
        args[1] = "--questions";
        args[2] = bankFile.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliHarness.run(Map.of(), input, args);
    }

    @Test
    void askThenRevealPrintsTheQuestionThenItsAnswer() {
        CliHarness r = console("/llmq architecture\n1\n");
        assertEquals(0, r.exitCode(), r.err());
        String id = questionIdIn(r.out());
        assertEquals("architecture", bank.question(id).orElseThrow().topicId());
        int q = r.out().indexOf(bank.question(id).orElseThrow().prompt().en());
        int a = r.out().indexOf(bank.question(id).orElseThrow().answer().en());
        assertTrue(q > 0, r.out());
        assertTrue(a > q, "the answer follows the question:\n" + r.out());
        assertTrue(r.out().contains("[1] Reveal answer"), r.out());
    }

    /**
     * Issue 14's acceptance, first half: reveal, then Good on a new card. FSRS-6 gives it
     * S₀ = 2.3065 days, so it comes back in 2 days, and the grade is kept in the store.
     */
    @Test
    void goodAfterARevealSchedulesTheQuestionInTwoDays() {
        // emergence has one question and no follow-ups: the answer's buttons are Next, Again, Hard, Good, Easy
        CliHarness r = console("/llmq emergence\n1\n4\n");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("[2] Again") && r.out().contains("[3] Hard") && r.out().contains("[4] Good")
                && r.out().contains("[5] Easy"), r.out());
        String due = java.time.LocalDate.now(java.time.ZoneId.systemDefault()).plusDays(2).toString(); // the console's zone
        assertTrue(r.out().contains("Good: this question comes back to you on " + due + " (in 2 days)."), r.out());
    }

    /**
     * Issue 14's acceptance: /llmq architecture, reveal, Good (its number depends on the question's
     * follow-ups, so a first run with the same seed finds it), then /llmq review says nothing is due
     * and names the day the card comes back: in 2 days, from S₀ = 2.3065.
     */
    @Test
    void afterGoodTheReviewSaysNothingIsDueAndNamesTheDayTheCardComesBack() {
        java.time.Instant at = java.time.Instant.parse("2026-12-01T12:00:00Z");
        Sources fixed = new Sources(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC),
                () -> new java.util.SplittableRandom(5));
        CliHarness first = CliHarness.run(fixed, Map.of(), "/llmq architecture\n1\n", "console", "--questions",
                bankFile.toString());
        java.util.regex.Matcher good = java.util.regex.Pattern.compile("\\[(\\d)] Good").matcher(first.out());
        assertTrue(good.find(), first.out());
        CliHarness r = CliHarness.run(fixed, Map.of(), "/llmq architecture\n1\n" + good.group(1) + "\n/llmq review\n",
                "console", "--questions", bankFile.toString());
        assertEquals(0, r.exitCode(), r.err());
        java.time.LocalDate back = at.atZone(java.time.ZoneId.systemDefault()).toLocalDate().plusDays(2);
        assertTrue(r.out().contains("Good: this question comes back to you on " + back + " (in 2 days)."), r.out());
        assertTrue(r.out().contains("Nothing is due today. Next due " + back + " (in 2 days): 1."), r.out());
    }

    /**
     * Issue 15's acceptance in the console: /llmq stats writes a PNG and prints its path; /llmq
     * export writes Anki's text file; the leaderboard shows only members who opted in.
     */
    @Test
    void statsWritesAPngExportWritesAnkisFileAndTheLeaderboardIsOptIn() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-12-01T12:00:00Z");
        Sources fixed = new Sources(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC),
                () -> new java.util.SplittableRandom(5));
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("llmq-files");
        Map<String, String> env = Map.of(ConsoleFiles.VARIABLE, files.toString());
        CliHarness first = CliHarness.run(fixed, env, "/llmq architecture\n1\n", "console", "--questions",
                bankFile.toString());
        java.util.regex.Matcher again = java.util.regex.Pattern.compile("\\[(\\d)] Again").matcher(first.out());
        assertTrue(again.find(), first.out());
        CliHarness r = CliHarness.run(fixed, env, "/llmq architecture\n1\n" + again.group(1) + "\n/llmq stats\n"
                + "/llmq export\n/llmq leaderboard\n/llmq settings leaderboard:on\n/llmq leaderboard\n", "console",
                "--questions", bankFile.toString());
        assertEquals(0, r.exitCode(), r.err());
        String day = at.atZone(java.time.ZoneId.systemDefault()).toLocalDate().toString();
        java.nio.file.Path png = files.resolve("llmq-stats-" + day + ".png").toAbsolutePath();
        assertTrue(r.out().contains("Your study card: 0 due today · 1 reviews this week."), r.out());
        assertTrue(r.out().contains("Saved: " + png), r.out());
        byte[] image = java.nio.file.Files.readAllBytes(png);
        assertEquals(960, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image)).getWidth());
        java.nio.file.Path anki = files.resolve("llmq-misses-" + day + ".txt").toAbsolutePath();
        assertTrue(r.out().contains("Saved: " + anki), r.out());
        List<String> lines = java.nio.file.Files.readAllLines(anki);
        assertEquals(dev.llmq.core.study.AnkiExport.HEADER, lines.subList(0, 6));
        assertEquals(7, lines.size(), "the one miss");
        assertTrue(lines.get(6).startsWith("llmq::architecture\tllmq-"), lines.get(6));
        String user = System.getProperty("user.name", "you");
        int optIn = r.out().indexOf("leaderboard: on");
        assertTrue(optIn > 0, r.out());
        assertTrue(r.out().substring(0, optIn).contains("Nobody is on the board yet this week."), r.out());
        assertTrue(r.out().substring(optIn).matches("(?s).*\\s1\\. " + java.util.regex.Pattern.quote(user)
                + "\\s+1 reviews · 0 Good or Easy.*"), r.out());
    }

    /** The per-user rate limit is for shared channels: a piped session of many asks is answered in full. */
    @Test
    void theTerminalIsNotRateLimited() {
        int asks = 45; // more than a chat user's 30 a minute
        CliHarness r = console("/llmq\n".repeat(asks));
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains(dev.llmq.core.i18n.Msg.SLOW_DOWN.text(dev.llmq.core.i18n.Lang.EN)), r.out());
        assertEquals(asks, r.out().lines().filter(l -> l.contains("[1] Reveal answer")).count(), r.out());
    }

    @Test
    void hintButtonGivesKeyPointsOneAtATime() {
        CliHarness r = console("/llmq objectives difficulty:1\n2\n1\n1\n");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Hint 1 of 3: Next token."), r.out());
        assertTrue(r.out().contains("Hint 2 of 3: Likelihood."), r.out());
        assertTrue(r.out().contains("Hint 3 of 3: Loss on which tokens?"), r.out());
    }

    @Test
    void chineseSessionAndModifiers() {
        CliHarness r = console("/llmq 架构 lang:zh\n1\n");
        assertTrue(r.out().contains("主流架构"), r.out());
        assertTrue(r.out().contains("[1] 显示答案"), r.out());
        String id = questionIdIn(r.out());
        assertTrue(r.out().contains(bank.question(id).orElseThrow().answer().zh()), r.out());

        CliHarness all = console("/llmq emergence\n", "--lang", "zh");
        assertTrue(all.out().contains("涌现能力"), all.out());
    }

    @Test
    void topicsHelpUnknownTopicAndBadNumbers() {
        CliHarness r = console("/llmq topics\n/llmq help\n/llmq cooking\n7\n/llmq\n9\n");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("architecture") && r.out().contains("objectives") && r.out().contains("emergence"));
        assertTrue(r.out().contains("/llmq topics"), r.out());
        assertTrue(r.out().contains("/llmq daily set HH:MM Zone/City"), r.out());
        assertTrue(r.out().contains("I don't know the topic \"cooking\". Topics: architecture, objectives, emergence"), r.out());
        assertTrue(r.out().contains("There are no buttons to press yet."), r.out());
        assertTrue(r.out().contains("Type a number from 1 to"), r.out());
    }

    @Test
    void quitStopsReadingAndEofExitsZero() {
        CliHarness r = console("/quit\n/llmq architecture\n");
        assertEquals(0, r.exitCode());
        assertFalse(r.out().contains("Reveal answer"), r.out());
        assertEquals(0, console("").exitCode());
    }

    @Test
    void noSubcommandAndNoTokenOpensTheConsole() {
        CliHarness r = CliHarness.run(Map.of("LLMQ_QUESTIONS", bankFile.toString()), "/llmq arch\n");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("llmq console"), r.out());
        assertTrue(r.out().contains("Reveal answer"), r.out());
    }

    @Test
    void defaultLanguageComesFromTheEnvironment() {
        CliHarness r = CliHarness.run(Map.of("LLMQ_QUESTIONS", bankFile.toString(), "LLMQ_DEFAULT_LANG", "zh"),
                "/llmq arch\n", "console");
        assertTrue(r.out().contains("显示答案"), r.out());
        CliHarness bad = CliHarness.run(Map.of("LLMQ_QUESTIONS", bankFile.toString(), "LLMQ_DEFAULT_LANG", "fr"),
                "/llmq arch\n", "console");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("LLMQ_DEFAULT_LANG"), bad.err());
    }

    @Test
    void invalidBankStopsTheConsoleWithLocatedErrors() throws Exception {
        Files.writeString(bankFile, "version: 1\ntopics: []\nquestions:\n  - id: q\n    topic: nope\n");
        CliHarness r = console("/llmq\n");
        assertEquals(2, r.exitCode(), "a bank to fix is a setting to change");
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("llmq: --questions: " + bankFile
                + ":5:12: questions[q].topic: unknown topic 'nope'")), r.err());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("llmq: --questions: " + bankFile + ":")
                && l.endsWith(" (fix it; llmq validate checks the bank)")), "one located line per problem: " + r.err());
    }

    static String questionIdIn(String out) {
        // "── Architectures · easy · arch-families ──"
        for (String line : out.split("\n")) {
            if (line.startsWith("── ") && line.endsWith(" ──") && !line.contains("Answer") && !line.contains("参考答案")) {
                String[] parts = line.substring(3, line.length() - 3).split(" · ");
                return parts[parts.length - 1];
            }
        }
        throw new AssertionError("no question card in:\n" + out);
    }
}
