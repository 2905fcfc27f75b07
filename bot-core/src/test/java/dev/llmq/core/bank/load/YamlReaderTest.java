package dev.llmq.core.bank.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The safe-loading rules of the event reader, each refused at its place (or at 1:1 for the limits). */
class YamlReaderTest {
    private static final String BANK = "version: 1\ntopics:\n  - id: t\n    name: {en: T, zh: 题}\n"
            + "questions:\n  - id: q1\n    topic: TOPIC\n    difficulty: 1\n    prompt: {en: P, zh: 问}\n    answer: {en: A, zh: 答}\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "!foo t                     | 7:12: (yaml): tag '!foo' is not allowed; the bank uses plain YAML only",
        "!!java.lang.Runtime t      | 7:12: (yaml): custom tags are not allowed; the bank is plain YAML (tag:yaml.org,2002:java.lang.Runtime)",
        "!!binary dA==              | 7:12: (yaml): tag 'tag:yaml.org,2002:binary' is not allowed; the bank uses plain YAML only",
        "!<tag:example.com,2000:x> t | 7:12: (yaml): tag 'tag:example.com,2000:x' is not allowed; the bank uses plain YAML only",
        "*nope                      | 7:12: (yaml): YAML syntax error: found undefined alias nope",
        "&x [*x]                    | 7:16: (yaml): YAML refused: alias *x is inside the node it names",
    })
    void refusedAtTheirPlace(String topic, String expected) {
        assertEquals(List.of("b.yaml:" + expected), problems(BANK.replace("TOPIC", topic)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "20 | ''",
        "21 | b.yaml:1:1: (yaml): YAML refused: Nesting Depth exceeded max 20",
    })
    void nestingIsBounded(int lists, String expected) {
        // the root mapping is depth 0, x's lists 1..n, the innermost scalar n + 1
        String yaml = BANK.replace("TOPIC", "t") + "x: " + "[".repeat(lists - 1) + "[]" + "]".repeat(lists - 1) + "\n";
        List<String> problems = problems(yaml);
        if (expected.isEmpty()) {
            assertEquals(List.of("b.yaml:11:1: (root).x: unknown key 'x'; expected one of version, topics, questions"), problems);
        } else {
            assertEquals(List.of(expected), problems);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "50 | b.yaml:11:1: (root).x: unknown key 'x'; expected one of version, topics, questions",
        "51 | b.yaml:1:1: (yaml): YAML refused: Number of aliases for non-scalar nodes exceeds the specified max=50",
    })
    void aliasesToCollectionsAreBounded(int aliases, String expected) {
        String yaml = BANK.replace("TOPIC", "t") + "x: [&a [1]" + ", *a".repeat(aliases) + ", &s 1" + ", *s".repeat(60) + "]\n";
        assertEquals(List.of(expected), problems(yaml));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'---\n'                    | b.yaml:11:1: (yaml): YAML syntax error: expected a single document in the stream, but found another document",
        "'<<: {a: 1}\n'             | b.yaml:11:1: (yaml): tag 'tag:yaml.org,2002:merge' is not allowed; the bank uses plain YAML only",
    })
    void oneDocumentOfPlainYaml(String tail, String expected) {
        assertEquals(List.of(expected), problems(BANK.replace("TOPIC", "t") + tail.replace("\\n", "\n")));
    }

    private static List<String> problems(String yaml) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        try {
            BankLoader.load(new BankLoader.Source("b.yaml", bytes));
            return List.of();
        } catch (BankException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
    }
}
