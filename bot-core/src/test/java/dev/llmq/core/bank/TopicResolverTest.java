package dev.llmq.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.llmq.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicResolverTest {
    private final TopicResolver resolver = new TopicResolver(Fixtures.fixtureBank());

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "architecture          | architecture",
        "Architecture          | architecture",
        "ARCHITECTURE          | architecture",
        "  architecture        | architecture",
        "arch                  | architecture",
        "decoder               | architecture",
        "架构                  | architecture",
        "主流架构              | architecture",
        "Architectures         | architecture",
        "archi                 | architecture",
        "training objectives   | objectives",
        "Training_Objectives   | objectives",
        "loss                  | objectives",
        "训练目标              | objectives",
        "目标                  | objectives",
        "emergent abilities    | emergence",
        "涌现                  | emergence",
        "涌现能力              | emergence",
        "emerg                 | emergence",
        "#emergence            | emergence",
    })
    void resolvesIdsAliasesAndNames(String input, String topic) {
        TopicResolver.Resolution r = resolver.resolve(input);
        TopicResolver.Found found = assertInstanceOf(TopicResolver.Found.class, r, () -> input + " gave " + r);
        assertEquals(topic, found.topic().id());
    }

    @ParameterizedTest(name = "''{0}'' -> suggest {1}")
    @CsvSource(delimiter = '|', value = {
        "architectur   | architecture",
        "archtecture   | architecture",
        "objectivs     | objectives",
        "emergance     | emergence",
    })
    void typosGetASuggestion(String input, String suggestion) {
        TopicResolver.Resolution r = resolver.resolve(input);
        if (r instanceof TopicResolver.Found) {
            // A typo that is still a unique prefix is fine too.
            assertEquals(suggestion, ((TopicResolver.Found) r).topic().id());
            return;
        }
        TopicResolver.Unknown u = assertInstanceOf(TopicResolver.Unknown.class, r);
        assertEquals(suggestion, u.suggestions().get(0).id());
    }

    @Test
    void unrelatedInputIsUnknownWithoutSuggestion() {
        TopicResolver.Unknown u = assertInstanceOf(TopicResolver.Unknown.class, resolver.resolve("cooking"));
        assertEquals(List.of(), u.suggestions());
    }

    @Test
    void emptyInputIsUnknown() {
        assertInstanceOf(TopicResolver.Unknown.class, resolver.resolve("   "));
    }

    @Test
    void sharedPrefixIsAmbiguous() throws Exception {
        String yaml = "version: 1\ntopics:\n"
                + "  - id: inference\n    name: {en: Inference, zh: 推理}\n"
                + "  - id: infrastructure\n    name: {en: Infrastructure, zh: 基础设施}\n"
                + "questions:\n"
                + "  - id: a\n    topic: inference\n    difficulty: 1\n    prompt: {en: P, zh: 问}\n    answer: {en: A, zh: 答}\n"
                + "  - id: b\n    topic: infrastructure\n    difficulty: 1\n    prompt: {en: P, zh: 问}\n    answer: {en: A, zh: 答}\n";
        TopicResolver r = new TopicResolver(dev.llmq.core.bank.load.BankLoader.load(
                new dev.llmq.core.bank.load.BankLoader.Source("amb.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        TopicResolver.Ambiguous amb = assertInstanceOf(TopicResolver.Ambiguous.class, r.resolve("inf"));
        assertEquals(List.of("inference", "infrastructure"), amb.candidates().stream().map(t -> t.id()).toList());
        assertEquals("inference", assertInstanceOf(TopicResolver.Found.class, r.resolve("infe")).topic().id());
    }

    @Test
    void normalizeFoldsCaseSpacesAndPunctuation() {
        assertEquals("why-decoder-only", TopicResolver.normalize("  Why Decoder_Only? "));
        assertEquals("主流架构", TopicResolver.normalize("主流架构"));
        assertEquals("abc", TopicResolver.normalize("ＡＢＣ"));
    }
}
