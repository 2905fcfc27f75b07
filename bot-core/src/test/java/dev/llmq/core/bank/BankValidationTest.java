package dev.llmq.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One malformed file per validation rule, under src/test/resources/banks/invalid. Each file's
 * first line says which problem it must produce: {@code # expect: line:col: field: message}.
 */
class BankValidationTest {
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+): ([^:]+): (.+)");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "duplicate-question-id.yaml", "duplicate-topic-id.yaml", "unknown-topic.yaml",
        "missing-translation.yaml", "empty-text.yaml", "difficulty-out-of-range.yaml",
        "follow-up-missing.yaml", "follow-up-self.yaml", "unknown-key.yaml", "unknown-key-typo.yaml",
        "wrong-type.yaml", "wrong-type-list.yaml", "syntax-error.yaml", "duplicate-key.yaml",
        "custom-tag.yaml", "bad-id.yaml", "alias-clash.yaml", "topic-without-questions.yaml",
        "missing-key.yaml", "unsupported-version.yaml", "alias-bomb.yaml", "not-a-mapping.yaml", "shadowing.yaml"})
    void eachRuleIsReportedWithItsLocation(String name) {
        byte[] bytes = Fixtures.resource("invalid/" + name);
        String first = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        Matcher m = EXPECT.matcher(first);
        assertTrue(m.matches(), "fixture must start with an expect line: " + first);

        List<Problem> problems = problemsOf(name, bytes);
        String expected = name + ":" + m.group(1) + ":" + m.group(2) + ": " + m.group(3) + ": " + m.group(4);
        assertTrue(problems.stream().anyMatch(p -> p.toString().startsWith(expected)),
                () -> "expected a problem starting with\n  " + expected + "\nbut got\n  "
                        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
    }

    @Test
    void unknownKeySuggestsTheClosestKey() {
        Problem p = problemsOf("unknown-key-typo.yaml", Fixtures.resource("invalid/unknown-key-typo.yaml")).get(0);
        assertTrue(p.message().contains("did you mean 'follow_ups'?"), p.message());
    }

    @Test
    void unknownTopicSuggestsAndListsTheTopics() {
        Problem p = problemsOf("unknown-topic.yaml", Fixtures.resource("invalid/unknown-topic.yaml")).stream()
                .filter(x -> x.field().endsWith(".topic")).findFirst().orElseThrow();
        assertTrue(p.message().contains("did you mean 't'?"), p.message());
        assertTrue(p.message().contains("topics are: t"), p.message());
    }

    @Test
    void everyProblemIsCollectedAtOnce() {
        String yaml = "version: 1\n"
                + "topics:\n"
                + "  - id: t\n"
                + "    name: {en: T}\n"
                + "questions:\n"
                + "  - id: q1\n"
                + "    topic: nope\n"
                + "    difficulty: 9\n"
                + "    prompt: {en: \"P\", zh: \"\"}\n"
                + "    answer: {en: \"A\", zh: \"答\"}\n"
                + "    follow_ups: [ghost]\n";
        List<Problem> problems = problemsOf("many.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        List<String> fields = problems.stream().map(Problem::field).collect(Collectors.toList());
        assertTrue(fields.contains("topics[t].name.zh"), fields.toString());
        assertTrue(fields.contains("questions[q1].topic"), fields.toString());
        assertTrue(fields.contains("questions[q1].difficulty"), fields.toString());
        assertTrue(fields.contains("questions[q1].prompt.zh"), fields.toString());
        assertTrue(fields.contains("questions[q1].follow_ups"), fields.toString());
        assertEquals(problems.stream().sorted().collect(Collectors.toList()), problems, "problems are sorted by place");
    }

    /** Topic heads named "Attention" and topic attention: /llmq attention could only find one of them. */
    @Test
    void aWordOfOneTopicThatNamesAnotherIsLocatedAtBoth() {
        List<Problem> problems = problemsOf("shadowing.yaml", Fixtures.resource("invalid/shadowing.yaml"));
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("shadowing.yaml:6:9", p.file() + ":" + p.line() + ":" + p.column(), "the later word: attention's id");
        assertTrue(p.message().contains("shadowing.yaml:5:16"), "the earlier word: heads' English name: " + p.message());
        assertTrue(p.message().contains("'heads'"), p.message());
    }

    @Test
    void namesInEitherLanguageClashWithIdsAliasesAndNames() {
        String yaml = "version: 1\n"
                + "topics:\n"
                + "  - id: a\n"
                + "    name: {en: Alpha, zh: 注意力}\n"
                + "  - id: b\n"
                + "    name: {en: ALPHA!, zh: 乙}\n"
                + "    aliases: [\"注意力\"]\n"
                + "questions:\n"
                + "  - {id: q1, topic: a, difficulty: 1, prompt: {en: P, zh: 问}, answer: {en: A, zh: 答}}\n"
                + "  - {id: q2, topic: b, difficulty: 1, prompt: {en: P, zh: 问}, answer: {en: A, zh: 答}}\n";
        List<String> problems = problemsOf("names.yaml", yaml.getBytes(StandardCharsets.UTF_8)).stream()
                .map(Problem::toString).collect(Collectors.toList());
        assertEquals(List.of(
                "names.yaml:6:16: topics[b].name.en: 'ALPHA!' already names topic 'a' (its English name 'Alpha' at names.yaml:4:16)",
                "names.yaml:7:15: topics[b].aliases: '注意力' already names topic 'a' (its Chinese name '注意力' at names.yaml:4:27)"),
                problems);
    }

    @Test
    void theSameWordTwiceInOneTopicIsFine() throws Exception {
        String yaml = "version: 1\n"
                + "topics:\n"
                + "  - id: attention\n"
                + "    name: {en: Attention, zh: 注意力}\n"
                + "    aliases: [ATTENTION, \"注意力\"]\n"
                + "questions:\n"
                + "  - {id: q1, topic: attention, difficulty: 1, prompt: {en: P, zh: 问}, answer: {en: A, zh: 答}}\n";
        assertEquals(1, BankLoader.load(new BankLoader.Source("one.yaml", yaml.getBytes(StandardCharsets.UTF_8))).size());
    }

    @Test
    void nonUtf8FileGetsAClearError() {
        byte[] bytes = "version: 1\ntopics:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        List<Problem> problems = problemsOf("latin1.yaml", bytes);
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals(3, p.line());
        assertEquals(12, p.column());
        assertTrue(p.message().contains("not valid UTF-8"), p.message());
        assertTrue(p.message().contains("0xE9"), p.message());
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] body = Fixtures.resource("fixture.yaml");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals(7, BankLoader.load(new BankLoader.Source("bom.yaml", withBom)).size());
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() {
        byte[] big = new byte[BankLoader.MAX_BYTES + 1];
        Problem p = problemsOf("big.yaml", big).get(0);
        assertTrue(p.message().contains("the limit is"), p.message());
    }

    @Test
    void filesAreMergedAndClashingIdsAcrossFilesAreLocatedInBoth(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.yaml"), Fixtures.resource("fixture.yaml"));
        String extra = "version: 1\n"
                + "questions:\n"
                + "  - id: arch-families\n"
                + "    topic: architecture\n"
                + "    difficulty: 1\n"
                + "    prompt: {en: \"P\", zh: \"问\"}\n"
                + "    answer: {en: \"A\", zh: \"答\"}\n";
        Files.writeString(dir.resolve("b.yaml"), extra);
        BankException e = assertThrows(BankException.class, () -> BankLoader.load(List.of(dir)));
        Problem p = e.problems().get(0);
        assertEquals(dir.resolve("b.yaml").toString(), p.file());
        assertEquals(3, p.line());
        assertTrue(p.message().contains(dir.resolve("a.yaml") + ":"), p.message());
    }

    @Test
    void privateBankMayAddQuestionsToTopicsOfAnotherFile(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("questions.yaml");
        Files.write(main, Fixtures.resource("fixture.yaml"));
        Path extra = dir.resolve("private.yaml");
        Files.writeString(extra, "version: 1\n"
                + "questions:\n"
                + "  - id: private-one\n"
                + "    topic: architecture\n"
                + "    difficulty: 2\n"
                + "    prompt: {en: \"Our own question\", zh: \"我们自己的题\"}\n"
                + "    answer: {en: \"Our own answer\", zh: \"我们自己的答案\"}\n"
                + "    follow_ups: [arch-prefix]\n");
        QuestionBank bank = BankLoader.load(List.of(main, extra));
        assertEquals(8, bank.size());
        assertEquals("architecture", bank.question("private-one").orElseThrow().topicId());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        BankException e = assertThrows(BankException.class, () -> BankLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.problems().get(0).toString().contains("nope.yaml:1:1: (file): no such file"), e.getMessage());
    }

    @Test
    void fixtureBankLoadsWithEveryField() {
        QuestionBank bank = Fixtures.fixtureBank();
        assertEquals(3, bank.topics().size());
        Question q = bank.question("arch-families").orElseThrow();
        assertEquals("architecture", q.topicId());
        assertEquals(1, q.difficulty());
        assertEquals(List.of("prefix-decoder"), q.tags());
        assertEquals("大模型有哪三类主流架构？", q.prompt().zh());
        assertEquals(2, q.keyPoints().en().size());
        assertEquals(List.of("arch-prefix", "arch-causal"), q.followUps());
        assertEquals("fixture §2", q.source().orElseThrow());
        assertEquals(List.of("arch", "decoder", "架构"), bank.topic("architecture").orElseThrow().aliases());
    }

    private static List<Problem> problemsOf(String name, byte[] bytes) {
        BankException e = assertThrows(BankException.class, () -> BankLoader.load(new BankLoader.Source(name, bytes)));
        assertTrue(!e.problems().isEmpty());
        return e.problems();
    }
}
