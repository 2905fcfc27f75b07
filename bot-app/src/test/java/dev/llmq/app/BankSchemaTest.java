package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Keeps questions.schema.json (for editors) in step with {@link BankLoader} (the authority): what
 * the loader accepts the schema accepts, and the structural mistakes the loader refuses the schema
 * refuses too. Cross-reference rules (unique ids, existing topics and follow-ups, alias clashes)
 * are beyond JSON Schema and are only checked by the loader.
 */
class BankSchemaTest {
    private static final Path SCHEMA_FILE = Path.of("..", "questions.schema.json");
    private static final Path SHIPPED_BANK = Path.of("..", "questions.yaml");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static SchemaRegistry registry;
    private static JsonNode schemaNode;
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
        schemaNode = MAPPER.readTree(Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8));
        schema = registry.getSchema(schemaNode);
    }

    /** Loads YAML the safe way and turns it into the JSON tree an editor would validate. */
    private static JsonNode yamlToJson(byte[] yaml) {
        Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(yaml, StandardCharsets.UTF_8));
        return MAPPER.valueToTree(data);
    }

    private static List<Error> validate(byte[] yaml) {
        return schema.validate(yamlToJson(yaml));
    }

    private static String describe(List<Error> errors) {
        return errors.stream()
                .map(e -> e.getInstanceLocation() + " [" + e.getKeyword() + "] " + e.getMessage())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        Schema meta = registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        List<Error> errors = meta.validate(schemaNode);
        assertTrue(errors.isEmpty(), describe(errors));
        assertEquals(SpecificationVersion.DRAFT_2020_12.getDialectId(), schemaNode.path("$schema").asText());
    }

    @Test
    void theShippedBankMatchesTheSchema() throws IOException {
        List<Error> errors = validate(Files.readAllBytes(SHIPPED_BANK));
        assertTrue(errors.isEmpty(), describe(errors));
    }

    @Test
    void theFixtureBankMatchesTheSchema() {
        List<Error> errors = validate(Fixtures.resource("fixture.yaml"));
        assertTrue(errors.isEmpty(), describe(errors));
    }

    /** A private file may hold only questions, on topics of another file; an empty tag list is fine. */
    @Test
    void aFileWithOnlyQuestionsMatchesTheSchema() throws BankException {
        byte[] privateBank = """
                version: 1
                questions:
                  - id: private-q
                    topic: architecture
                    difficulty: 2
                    tags: []
                    prompt: {en: "P", zh: "问"}
                    answer: {en: "A", zh: "答"}
                    follow_ups: [arch-prefix]
                """.getBytes(StandardCharsets.UTF_8);
        List<Error> errors = validate(privateBank);
        assertTrue(errors.isEmpty(), describe(errors));
        assertEquals(8, BankLoader.load(new BankLoader.Source("fixture.yaml", Fixtures.resource("fixture.yaml")),
                new BankLoader.Source("private.yaml", privateBank)).size());
    }

    @Test
    void aFileWithNeitherTopicsNorQuestionsIsRefused() {
        List<Error> errors = validate("version: 1\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(errors.isEmpty(), "the loader wants 'topics' and/or 'questions'");
    }

    /** Mistakes JSON Schema can see: the schema and the loader both refuse them, at the same place. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unknown-key.yaml,             additionalProperties, /questions/0",
        "unknown-key-typo.yaml,        additionalProperties, /questions/0",
        "wrong-type.yaml,              type,                 /questions/0/difficulty",
        "wrong-type-list.yaml,         type,                 /questions/0/topic",
        "difficulty-out-of-range.yaml, maximum,              /questions/0/difficulty",
        "missing-translation.yaml,     required,             /questions/0/answer",
        "empty-text.yaml,              pattern,              /questions/0/prompt/zh",
        "bad-id.yaml,                  pattern,              /questions/0/id",
        "missing-key.yaml,             required,             /questions/0",
        "unsupported-version.yaml,     const,                /version",
        "not-a-mapping.yaml,           type,                 ''",
    })
    void structuralMistakesFailTheSchemaAndTheLoader(String file, String keyword, String at) {
        byte[] bytes = Fixtures.resource("invalid/" + file);
        List<Error> errors = validate(bytes);
        assertTrue(errors.stream().anyMatch(e -> e.getKeyword().equals(keyword)
                        && e.getInstanceLocation().toString().equals(at)),
                "expected a '" + keyword + "' error at '" + at + "', got:\n" + describe(errors));
        assertThrows(BankException.class, () -> BankLoader.load(new BankLoader.Source(file, bytes)));
    }

    /** Whitespace-only text is empty to the loader (String.isBlank), ideographic spaces included. */
    @ParameterizedTest
    @ValueSource(strings = {" ", "\t ", "\u3000\u3000", "\u2003"})
    void whitespaceOnlyTextFailsTheSchemaAndTheLoader(String blank) {
        String yaml = "version: 1\n"
                + "topics: [{id: t, name: {en: T, zh: \"" + blank + "\"}}]\n"
                + "questions: [{id: q1, topic: t, difficulty: 1, prompt: {en: P, zh: 问}, answer: {en: A, zh: 答}}]\n";
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        List<Error> errors = validate(bytes);
        assertTrue(errors.stream().anyMatch(e -> e.getKeyword().equals("pattern")
                        && e.getInstanceLocation().toString().equals("/topics/0/name/zh")),
                describe(errors));
        BankException e = assertThrows(BankException.class, () -> BankLoader.load(new BankLoader.Source("blank.yaml", bytes)));
        assertEquals("text is empty", e.problems().get(0).message(), e.getMessage());
    }

    /**
     * Mistakes only the loader can see (cross-references, or duplicate keys that SnakeYAML's
     * default settings merge): the schema must not be stricter than the loader's structure rules,
     * so these files pass it, and {@code llmq validate} is what catches them.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "unknown-topic.yaml", "duplicate-question-id.yaml", "duplicate-topic-id.yaml", "follow-up-missing.yaml",
        "follow-up-self.yaml", "alias-clash.yaml", "topic-without-questions.yaml", "duplicate-key.yaml",
    })
    void crossReferenceMistakesAreLeftToTheLoader(String file) {
        byte[] bytes = Fixtures.resource("invalid/" + file);
        List<Error> errors = validate(bytes);
        assertTrue(errors.isEmpty(), describe(errors));
        assertThrows(BankException.class, () -> BankLoader.load(new BankLoader.Source(file, bytes)));
    }

    /** Every property has a description, which editors show as its tooltip. */
    @Test
    void everyPropertyIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schemaNode, "#", undescribed);
        assertTrue(undescribed.isEmpty(), "no description: " + undescribed);
        assertTrue(schemaNode.path("description").isTextual());
    }

    private static void collectUndescribed(JsonNode node, String at, List<String> out) {
        if (!node.isObject()) {
            return;
        }
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
            for (Map.Entry<String, JsonNode> p : props.properties()) {
                String where = at + "/properties/" + p.getKey();
                if (!p.getValue().path("description").isTextual() || p.getValue().path("description").asText().isBlank()) {
                    out.add(where);
                }
                collectUndescribed(p.getValue(), where, out);
            }
        }
        for (String child : List.of("items", "$defs")) {
            JsonNode c = node.get(child);
            if (c == null) {
                continue;
            }
            if (child.equals("$defs")) {
                for (Map.Entry<String, JsonNode> d : c.properties()) {
                    collectUndescribed(d.getValue(), at + "/$defs/" + d.getKey(), out);
                }
            } else {
                collectUndescribed(c, at + "/" + child, out);
            }
        }
    }
}
