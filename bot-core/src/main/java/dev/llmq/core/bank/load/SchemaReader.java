package dev.llmq.core.bank.load;

import dev.llmq.core.bank.Bilingual;
import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.load.YamlTree.Mapping;
import dev.llmq.core.bank.load.YamlTree.Scalar;
import dev.llmq.core.bank.load.YamlTree.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bank schema (version 1): one file's {@link YamlTree} to raw topics and questions, every
 * mistake a located problem. What needs the other files too (ids, references) is left to
 * {@link CrossCheck}.
 */
final class SchemaReader {
    private static final List<String> ROOT_KEYS = List.of("version", "topics", "questions");
    private static final List<String> TOPIC_KEYS = List.of("id", "name", "aliases");
    private static final List<String> QUESTION_KEYS = List.of(
            "id", "topic", "difficulty", "tags", "prompt", "answer", "key_points", "hints", "follow_ups", "replaces",
            "source");

    /** What one file holds; a part that was wrong is a problem here and is left out or null. */
    record Parsed(List<Problem> problems, List<RawTopic> topics, List<RawQuestion> questions) {
    }

    private final Fields f;
    private final List<RawTopic> topics = new ArrayList<>();
    private final List<RawQuestion> questions = new ArrayList<>();

    private SchemaReader(List<Problem> problems) {
        this.f = new Fields(problems);
    }

    static Parsed read(YamlTree root, List<Problem> problems) {
        SchemaReader reader = new SchemaReader(problems);
        reader.readRoot(root);
        return new Parsed(problems, reader.topics, reader.questions);
    }

    private void readRoot(YamlTree root) {
        Map<String, YamlTree> keys = f.mapping(root, "(root)", ROOT_KEYS);
        if (keys == null) {
            return;
        }
        YamlTree version = f.require(root, keys, "(root)", "version");
        if (version != null) {
            Integer v = f.integer(version, "version");
            if (v != null && v != BankLoader.SUPPORTED_VERSION) {
                f.add(version, "version", "unsupported version " + v + "; this llmq reads version " + BankLoader.SUPPORTED_VERSION);
            }
        }
        if (keys.containsKey("topics")) {
            List<YamlTree> items = f.sequence(keys.get("topics"), "topics");
            for (int i = 0; items != null && i < items.size(); i++) {
                readTopic(items.get(i), i);
            }
        }
        if (keys.containsKey("questions")) {
            List<YamlTree> items = f.sequence(keys.get("questions"), "questions");
            for (int i = 0; items != null && i < items.size(); i++) {
                readQuestion(items.get(i), i);
            }
        }
        if (!keys.containsKey("topics") && !keys.containsKey("questions")) {
            f.add(root, "(root)", "expected 'topics' and/or 'questions'");
        }
    }

    private void readTopic(YamlTree node, int index) {
        String label = "topics[" + peekId(node).orElse("#" + (index + 1)) + "]";
        Map<String, YamlTree> keys = f.mapping(node, label, TOPIC_KEYS);
        if (keys == null) {
            return;
        }
        RawTopic t = new RawTopic();
        YamlTree idNode = f.require(node, keys, label, "id");
        if (idNode != null) {
            String id = f.id(idNode, label + ".id");
            if (id != null) {
                label = "topics[" + id + "]";
                t.id = id;
                t.idLoc = idNode.loc();
            }
        }
        YamlTree name = f.require(node, keys, label, "name");
        if (name != null) {
            t.name = f.bilingualText(name, label + ".name");
        }
        if (keys.containsKey("aliases")) {
            List<Located> aliases = f.locatedList(keys.get("aliases"), label + ".aliases", false);
            if (aliases != null) {
                t.aliases.addAll(aliases);
            }
        }
        topics.add(t);
    }

    private void readQuestion(YamlTree node, int index) {
        String label = "questions[" + peekId(node).orElse("#" + (index + 1)) + "]";
        Map<String, YamlTree> keys = f.mapping(node, label, QUESTION_KEYS);
        if (keys == null) {
            return;
        }
        RawQuestion q = new RawQuestion();
        YamlTree idNode = f.require(node, keys, label, "id");
        if (idNode != null) {
            String id = f.id(idNode, label + ".id");
            if (id != null) {
                label = "questions[" + id + "]";
                q.id = id;
                q.idLoc = idNode.loc();
            }
        }
        q.label = label;
        YamlTree topic = f.require(node, keys, label, "topic");
        if (topic != null) {
            q.topic = f.located(topic, label + ".topic");
        }
        YamlTree difficulty = f.require(node, keys, label, "difficulty");
        if (difficulty != null) {
            Integer d = f.integer(difficulty, label + ".difficulty");
            if (d != null && (d < Question.MIN_DIFFICULTY || d > Question.MAX_DIFFICULTY)) {
                f.add(difficulty, label + ".difficulty", "difficulty " + d + " is out of range; use 1 (easy), 2 (medium) or 3 (hard)");
            } else if (d != null) {
                q.difficulty = d;
            }
        }
        if (keys.containsKey("tags")) {
            q.tags = f.textList(keys.get("tags"), label + ".tags", false);
        }
        q.prompt = text(f.require(node, keys, label, "prompt"), label + ".prompt");
        q.answer = text(f.require(node, keys, label, "answer"), label + ".answer");
        if (keys.containsKey("key_points")) {
            Bilingual<List<String>> kp = f.bilingualList(keys.get("key_points"), label + ".key_points");
            if (kp != null) {
                q.keyPoints = kp;
            }
        }
        if (keys.containsKey("hints")) {
            Bilingual<List<String>> h = f.bilingualList(keys.get("hints"), label + ".hints");
            if (h != null) {
                for (dev.llmq.core.i18n.Lang l : dev.llmq.core.i18n.Lang.values()) {
                    int n = h.get(l).size();
                    if (n < 2 || n > Question.MAX_HINTS) {
                        f.add(keys.get("hints"), label + ".hints." + l.code(), n + " hint" + (n == 1 ? "" : "s")
                                + "; write 2 to " + Question.MAX_HINTS + ", from a nudge towards the answer");
                    }
                }
                q.hints = h;
            }
        }
        if (keys.containsKey("replaces")) {
            List<Located> old = f.locatedList(keys.get("replaces"), label + ".replaces", false);
            if (old != null) {
                q.replaces.addAll(old);
            }
        }
        if (keys.containsKey("follow_ups")) {
            List<Located> follow = f.locatedList(keys.get("follow_ups"), label + ".follow_ups", false);
            if (follow != null) {
                q.followUps.addAll(follow);
            }
        }
        if (keys.containsKey("source")) {
            q.source = Optional.ofNullable(f.text(keys.get("source"), label + ".source"));
        }
        // Every question takes part in the cross-file checks (ids, topics, follow-ups);
        // a bank is only built when no problem at all was found.
        questions.add(q);
    }

    private Bilingual<String> text(YamlTree node, String field) {
        Bilingual<Located> b = node == null ? null : f.bilingualText(node, field);
        return b == null ? null : new Bilingual<>(b.en().value(), b.zh().value());
    }

    /** The id of a mapping, when it has a well-formed one, to name it in messages. */
    private static Optional<String> peekId(YamlTree node) {
        List<YamlTree.Entry> entries = switch (node) {
            case Mapping m -> m.entries();
            case Sequence s -> List.of();
            case Scalar s -> List.of();
        };
        for (YamlTree.Entry e : entries) {
            if ("id".equals(scalarValue(e.key()))) {
                String v = scalarValue(e.value());
                if (v != null && Fields.ID.matcher(v.strip()).matches()) {
                    return Optional.of(v.strip());
                }
            }
        }
        return Optional.empty();
    }

    private static String scalarValue(YamlTree node) {
        return switch (node) {
            case Scalar s -> s.value();
            case Mapping m -> null;
            case Sequence s -> null;
        };
    }
}
