package dev.llmq.core.bank;

import java.io.CharArrayReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and validates question-bank YAML files.
 *
 * <p>YAML is composed into a node tree with SnakeYAML's safe settings (no Java types, no custom
 * tags, bounded aliases, depth and size), then walked by hand so that every problem carries its
 * file, line and column. All problems are collected before failing.
 */
public final class BankLoader {
    /** Largest bank file accepted. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** Most aliases to collections one file may use (refuses "billion laughs" bombs). */
    public static final int MAX_ALIASES = 50;
    /** Deepest nesting accepted; the schema needs 5. */
    public static final int MAX_DEPTH = 20;
    public static final int SUPPORTED_VERSION = 1;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final List<String> ROOT_KEYS = List.of("version", "topics", "questions");
    private static final List<String> TOPIC_KEYS = List.of("id", "name", "aliases");
    private static final List<String> QUESTION_KEYS = List.of(
            "id", "topic", "difficulty", "tags", "prompt", "answer", "key_points", "follow_ups", "source");
    private static final List<String> LANG_KEYS = List.of("en", "zh");
    private static final Set<Tag> STANDARD_TAGS = Set.of(
            Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

    private BankLoader() {
    }

    /** One bank file's name (for messages) and bytes. */
    public record Source(String name, byte[] bytes) {
    }

    /** Loads files, or every {@code *.yaml} / {@code *.yml} in a directory, and merges them into one bank. */
    public static QuestionBank load(List<Path> paths) throws BankException {
        List<Problem> problems = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (Path p : expand(paths, problems)) {
            try {
                long size = Files.size(p);
                if (size > MAX_BYTES) {
                    problems.add(new Problem(p.toString(), 1, 1, "(file)",
                            "file is " + size + " bytes; the limit is " + MAX_BYTES));
                    continue;
                }
                sources.add(new Source(p.toString(), Files.readAllBytes(p)));
            } catch (IOException e) {
                problems.add(new Problem(p.toString(), 1, 1, "(file)", "cannot read the file: " + describe(e)));
            }
        }
        if (!problems.isEmpty()) {
            throw new BankException(problems);
        }
        return load(sources.toArray(new Source[0]));
    }

    public static QuestionBank load(Path... paths) throws BankException {
        return load(List.of(paths));
    }

    /** Loads and merges in-memory sources (tests, the bundled bank). */
    public static QuestionBank load(Source... sources) throws BankException {
        List<Problem> problems = new ArrayList<>();
        List<RawTopic> topics = new ArrayList<>();
        List<RawQuestion> questions = new ArrayList<>();
        for (Source s : sources) {
            new FileReader(s.name(), problems, topics, questions).read(s.bytes());
        }
        crossCheck(problems, topics, questions);
        if (!problems.isEmpty()) {
            Collections.sort(problems);
            throw new BankException(problems);
        }
        return new QuestionBank(
                topics.stream().map(RawTopic::build).collect(Collectors.toList()),
                questions.stream().map(RawQuestion::build).collect(Collectors.toList()),
                Stream.of(sources).map(Source::name).collect(Collectors.toList()));
    }

    private static List<Path> expand(List<Path> paths, List<Problem> problems) {
        List<Path> out = new ArrayList<>();
        if (paths.isEmpty()) {
            problems.add(new Problem("(none)", 1, 1, "(file)", "no question bank file was given"));
        }
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> found = s.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Files.isRegularFile(f) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                    }).sorted().collect(Collectors.toList());
                    if (found.isEmpty()) {
                        problems.add(new Problem(p.toString(), 1, 1, "(file)", "directory holds no .yaml or .yml file"));
                    }
                    out.addAll(found);
                } catch (IOException e) {
                    problems.add(new Problem(p.toString(), 1, 1, "(file)", "cannot list the directory: " + describe(e)));
                }
            } else if (!Files.exists(p)) {
                problems.add(new Problem(p.toString(), 1, 1, "(file)", "no such file"));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    // ---------------------------------------------------------------- cross-file checks

    private static void crossCheck(List<Problem> problems, List<RawTopic> topics, List<RawQuestion> questions) {
        Map<String, RawTopic> topicById = new LinkedHashMap<>();
        Map<String, RawTopic> topicByWord = new HashMap<>();
        for (RawTopic t : topics) {
            if (t.id == null) {
                continue;
            }
            RawTopic first = topicById.putIfAbsent(t.id, t);
            if (first != null) {
                problems.add(t.idLoc.problem("topics[" + t.id + "].id",
                        "duplicate topic id '" + t.id + "' (first defined at " + first.idLoc + ")"));
                continue;
            }
            List<Located> words = new ArrayList<>();
            words.add(new Located(t.id, t.idLoc));
            words.addAll(t.aliases);
            for (Located w : words) {
                String key = normalizeWord(w.value);
                RawTopic owner = topicByWord.putIfAbsent(key, t);
                if (owner != null && owner != t) {
                    problems.add(w.loc.problem("topics[" + t.id + "].aliases",
                            "'" + w.value + "' already names topic '" + owner.id + "'"));
                }
            }
        }
        Map<String, RawQuestion> questionById = new LinkedHashMap<>();
        for (RawQuestion q : questions) {
            if (q.id == null) {
                continue;
            }
            RawQuestion first = questionById.putIfAbsent(q.id, q);
            if (first != null) {
                problems.add(q.idLoc.problem(q.label + ".id",
                        "duplicate question id '" + q.id + "' (first defined at " + first.idLoc + ")"));
            }
        }
        Map<String, Integer> perTopic = new HashMap<>();
        for (RawQuestion q : questions) {
            if (q.topic != null) {
                if (topicById.containsKey(q.topic.value)) {
                    perTopic.merge(q.topic.value, 1, Integer::sum);
                } else {
                    problems.add(q.topic.loc.problem(q.label + ".topic", "unknown topic '" + q.topic.value + "'"
                            + didYouMean(q.topic.value, topicById.keySet())
                            + "; topics are: " + String.join(", ", topicById.keySet())));
                }
            }
            for (Located f : q.followUps) {
                if (f.value.equals(q.id)) {
                    problems.add(f.loc.problem(q.label + ".follow_ups", "a question cannot follow itself"));
                } else if (!questionById.containsKey(f.value)) {
                    problems.add(f.loc.problem(q.label + ".follow_ups", "no question has the id '" + f.value + "'"
                            + didYouMean(f.value, questionById.keySet())));
                }
            }
        }
        for (RawTopic t : topicById.values()) {
            if (!perTopic.containsKey(t.id)) {
                problems.add(t.idLoc.problem("topics[" + t.id + "]", "topic has no questions"));
            }
        }
    }

    /** How topic words are compared: case-insensitive, with spaces and underscores as hyphens. */
    static String normalizeWord(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    private static String didYouMean(String value, Set<String> candidates) {
        return Suggest.closest(value, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    // ---------------------------------------------------------------- one file

    private record Loc(String file, int line, int column) {
        static Loc of(String file, Mark mark) {
            return mark == null ? new Loc(file, 1, 1) : new Loc(file, mark.getLine() + 1, mark.getColumn() + 1);
        }

        Problem problem(String field, String message) {
            return new Problem(file, line, column, field, message);
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    private record Located(String value, Loc loc) {
    }

    private static final class RawTopic {
        String id;
        Loc idLoc;
        Bilingual<String> name;
        final List<Located> aliases = new ArrayList<>();

        Topic build() {
            return new Topic(id, name, aliases.stream().map(Located::value).collect(Collectors.toList()));
        }
    }

    private static final class RawQuestion {
        String label;
        String id;
        Loc idLoc;
        Located topic;
        int difficulty;
        List<String> tags = List.of();
        Bilingual<String> prompt;
        Bilingual<String> answer;
        Bilingual<List<String>> keyPoints = new Bilingual<>(List.of(), List.of());
        final List<Located> followUps = new ArrayList<>();
        Optional<String> source = Optional.empty();

        Question build() {
            return new Question(id, topic.value, difficulty, tags, prompt, answer, keyPoints,
                    followUps.stream().map(Located::value).collect(Collectors.toList()), source);
        }
    }

    private static final class FileReader {
        private final String file;
        private final List<Problem> problems;
        private final List<RawTopic> topics;
        private final List<RawQuestion> questions;

        FileReader(String file, List<Problem> problems, List<RawTopic> topics, List<RawQuestion> questions) {
            this.file = file;
            this.problems = problems;
            this.topics = topics;
            this.questions = questions;
        }

        void read(byte[] bytes) {
            if (bytes.length > MAX_BYTES) {
                problems.add(new Problem(file, 1, 1, "(file)", "file is " + bytes.length + " bytes; the limit is " + MAX_BYTES));
                return;
            }
            CharBuffer text = decodeUtf8(bytes);
            if (text == null) {
                return;
            }
            Node root;
            try {
                root = yaml().compose(new CharArrayReader(text.array(), text.arrayOffset() + text.position(), text.remaining()));
            } catch (MarkedYAMLException e) {
                Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
                if (what != null && what.startsWith("Global tag is not allowed")) {
                    problems.add(Loc.of(file, m).problem("(yaml)", "custom tags are not allowed; the bank is plain YAML ("
                            + oneLine(what.substring(what.indexOf(':') + 1)) + ")"));
                    return;
                }
                if (e.getContext() != null) {
                    what = e.getContext() + ", " + what;
                }
                problems.add(Loc.of(file, m).problem("(yaml)", "YAML syntax error: " + oneLine(what)));
                return;
            } catch (YAMLException e) {
                problems.add(new Problem(file, 1, 1, "(yaml)", "YAML refused: " + oneLine(e.getMessage())));
                return;
            }
            if (root == null) {
                problems.add(new Problem(file, 1, 1, "(file)", "file is empty; expected version, topics and questions"));
                return;
            }
            if (!checkTags(root, 0)) {
                return;
            }
            readRoot(root);
        }

        private static Yaml yaml() {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setCodePointLimit(MAX_BYTES);
            options.setAllowRecursiveKeys(false);
            options.setProcessComments(false);
            DumperOptions dumper = new DumperOptions();
            return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        }

        private static String oneLine(String s) {
            return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
        }

        /** The decoded text (no copy: a view of the decoder's buffer), or null after reporting the bad byte. */
        private CharBuffer decodeUtf8(byte[] bytes) {
            int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
            CharBuffer out = CharBuffer.allocate(bytes.length);
            CoderResult r = decoder.decode(in, out, true);
            if (!r.isError()) {
                r = decoder.flush(out);
            }
            if (r.isError()) {
                out.flip();
                String before = out.toString();
                int line = 1;
                int col = 1;
                for (int i = 0; i < before.length(); i++) {
                    if (before.charAt(i) == '\n') {
                        line++;
                        col = 1;
                    } else {
                        col++;
                    }
                }
                int offset = in.position();
                problems.add(new Problem(file, line, col, "(file)", String.format(Locale.ROOT,
                        "not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8",
                        bytes[offset] & 0xFF, offset)));
                return null;
            }
            out.flip();
            return out;
        }

        /** Refuses explicit non-standard tags such as {@code !!java.lang.Runtime} or {@code !custom}. */
        private boolean checkTags(Node node, int depth) {
            if (depth > MAX_DEPTH) {
                return true;
            }
            if (!STANDARD_TAGS.contains(node.getTag())) {
                problems.add(loc(node).problem("(yaml)", "tag '" + node.getTag().getValue()
                        + "' is not allowed; the bank uses plain YAML only"));
                return false;
            }
            boolean ok = true;
            if (node instanceof MappingNode) {
                for (NodeTuple t : ((MappingNode) node).getValue()) {
                    ok &= checkTags(t.getKeyNode(), depth + 1);
                    ok &= checkTags(t.getValueNode(), depth + 1);
                }
            } else if (node instanceof SequenceNode) {
                for (Node n : ((SequenceNode) node).getValue()) {
                    ok &= checkTags(n, depth + 1);
                }
            }
            return ok;
        }

        private Loc loc(Node node) {
            return Loc.of(file, node.getStartMark());
        }

        private void add(Node at, String field, String message) {
            problems.add(loc(at).problem(field, message));
        }

        // ---- structure

        private void readRoot(Node root) {
            Map<String, Node> keys = mapping(root, "(root)", ROOT_KEYS);
            if (keys == null) {
                return;
            }
            Node version = require(root, keys, "(root)", "version");
            if (version != null) {
                Integer v = integer(version, "version");
                if (v != null && v != SUPPORTED_VERSION) {
                    add(version, "version", "unsupported version " + v + "; this llmq reads version " + SUPPORTED_VERSION);
                }
            }
            if (keys.containsKey("topics")) {
                List<Node> items = sequence(keys.get("topics"), "topics");
                if (items != null) {
                    for (int i = 0; i < items.size(); i++) {
                        readTopic(items.get(i), i);
                    }
                }
            }
            if (keys.containsKey("questions")) {
                List<Node> items = sequence(keys.get("questions"), "questions");
                if (items != null) {
                    for (int i = 0; i < items.size(); i++) {
                        readQuestion(items.get(i), i);
                    }
                }
            }
            if (!keys.containsKey("topics") && !keys.containsKey("questions")) {
                add(root, "(root)", "expected 'topics' and/or 'questions'");
            }
        }

        private void readTopic(Node node, int index) {
            String label = "topics[" + peekId(node).orElse("#" + (index + 1)) + "]";
            Map<String, Node> keys = mapping(node, label, TOPIC_KEYS);
            if (keys == null) {
                return;
            }
            RawTopic t = new RawTopic();
            Node idNode = require(node, keys, label, "id");
            if (idNode != null) {
                String id = id(idNode, label + ".id");
                if (id != null) {
                    label = "topics[" + id + "]";
                    t.id = id;
                    t.idLoc = loc(idNode);
                }
            }
            Node nameNode = require(node, keys, label, "name");
            if (nameNode != null) {
                t.name = bilingualText(nameNode, label + ".name");
            }
            if (keys.containsKey("aliases")) {
                List<Node> aliases = sequence(keys.get("aliases"), label + ".aliases");
                if (aliases != null) {
                    for (Node a : aliases) {
                        String s = text(a, label + ".aliases");
                        if (s != null) {
                            t.aliases.add(new Located(s, loc(a)));
                        }
                    }
                }
            }
            topics.add(t);
        }

        private void readQuestion(Node node, int index) {
            String label = "questions[" + peekId(node).orElse("#" + (index + 1)) + "]";
            Map<String, Node> keys = mapping(node, label, QUESTION_KEYS);
            if (keys == null) {
                return;
            }
            RawQuestion q = new RawQuestion();
            Node idNode = require(node, keys, label, "id");
            if (idNode != null) {
                String id = id(idNode, label + ".id");
                if (id != null) {
                    label = "questions[" + id + "]";
                    q.id = id;
                    q.idLoc = loc(idNode);
                }
            }
            q.label = label;
            Node topicNode = require(node, keys, label, "topic");
            if (topicNode != null) {
                String topic = text(topicNode, label + ".topic");
                if (topic != null) {
                    q.topic = new Located(topic, loc(topicNode));
                }
            }
            Node difficulty = require(node, keys, label, "difficulty");
            if (difficulty != null) {
                Integer d = integer(difficulty, label + ".difficulty");
                if (d != null) {
                    if (d < Question.MIN_DIFFICULTY || d > Question.MAX_DIFFICULTY) {
                        add(difficulty, label + ".difficulty", "difficulty " + d + " is out of range; use 1 (easy), 2 (medium) or 3 (hard)");
                    } else {
                        q.difficulty = d;
                    }
                }
            }
            if (keys.containsKey("tags")) {
                q.tags = textList(keys.get("tags"), label + ".tags", false);
            }
            Node prompt = require(node, keys, label, "prompt");
            if (prompt != null) {
                q.prompt = bilingualText(prompt, label + ".prompt");
            }
            Node answer = require(node, keys, label, "answer");
            if (answer != null) {
                q.answer = bilingualText(answer, label + ".answer");
            }
            if (keys.containsKey("key_points")) {
                Bilingual<List<String>> kp = bilingualList(keys.get("key_points"), label + ".key_points");
                if (kp != null) {
                    q.keyPoints = kp;
                }
            }
            if (keys.containsKey("follow_ups")) {
                List<Node> items = sequence(keys.get("follow_ups"), label + ".follow_ups");
                if (items != null) {
                    for (Node f : items) {
                        String s = text(f, label + ".follow_ups");
                        if (s != null) {
                            q.followUps.add(new Located(s, loc(f)));
                        }
                    }
                }
            }
            if (keys.containsKey("source")) {
                q.source = Optional.ofNullable(text(keys.get("source"), label + ".source"));
            }
            // Every question takes part in the cross-file checks (ids, topics, follow-ups);
            // a bank is only built when no problem at all was found.
            questions.add(q);
        }

        /** The id of a mapping, when it has a well-formed one, to name it in messages. */
        private static Optional<String> peekId(Node node) {
            if (node instanceof MappingNode) {
                for (NodeTuple t : ((MappingNode) node).getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals("id")
                            && t.getValueNode() instanceof ScalarNode) {
                        String v = ((ScalarNode) t.getValueNode()).getValue().strip();
                        if (ID.matcher(v).matches()) {
                            return Optional.of(v);
                        }
                    }
                }
            }
            return Optional.empty();
        }

        // ---- typed readers; each reports a problem and returns null when the node is wrong

        private Map<String, Node> mapping(Node node, String field, List<String> allowed) {
            if (!(node instanceof MappingNode)) {
                add(node, field, "expected a mapping, found " + kind(node));
                return null;
            }
            Map<String, Node> keys = new LinkedHashMap<>();
            Map<String, Loc> firstAt = new HashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode)) {
                    add(k, field, "a key must be a plain word, found " + kind(k));
                    continue;
                }
                String key = ((ScalarNode) k).getValue();
                if (firstAt.containsKey(key)) {
                    add(k, field + "." + key, "duplicate key '" + key + "' (first at " + firstAt.get(key) + ")");
                    continue;
                }
                firstAt.put(key, loc(k));
                if (!allowed.contains(key)) {
                    add(k, field + "." + key, "unknown key '" + key + "'"
                            + Suggest.closest(key, allowed).map(s -> " (did you mean '" + s + "'?)")
                                    .orElse("; expected one of " + String.join(", ", allowed)));
                    continue;
                }
                keys.put(key, t.getValueNode());
            }
            return keys;
        }

        private Node require(Node parent, Map<String, Node> keys, String field, String key) {
            Node n = keys.get(key);
            if (n == null) {
                add(parent, field + "." + key, "missing required key '" + key + "'");
            }
            return n;
        }

        private List<Node> sequence(Node node, String field) {
            if (!(node instanceof SequenceNode)) {
                add(node, field, "expected a list, found " + kind(node));
                return null;
            }
            return ((SequenceNode) node).getValue();
        }

        private String text(Node node, String field) {
            if (!(node instanceof ScalarNode) || node.getTag() != Tag.STR) {
                add(node, field, "expected text, found " + kind(node));
                return null;
            }
            String s = ((ScalarNode) node).getValue();
            if (s.isBlank()) {
                add(node, field, "text is empty");
                return null;
            }
            return s.strip();
        }

        private String id(Node node, String field) {
            String s = text(node, field);
            if (s != null && !ID.matcher(s).matches()) {
                add(node, field, "id '" + s + "' must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit");
                return null;
            }
            return s;
        }

        private Integer integer(Node node, String field) {
            if (!(node instanceof ScalarNode) || node.getTag() != Tag.INT) {
                add(node, field, "expected a whole number, found " + kind(node));
                return null;
            }
            try {
                return Integer.valueOf(((ScalarNode) node).getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                add(node, field, "number is out of range");
                return null;
            }
        }

        private List<String> textList(Node node, String field, boolean requireItems) {
            List<Node> items = sequence(node, field);
            if (items == null) {
                return null;
            }
            if (requireItems && items.isEmpty()) {
                add(node, field, "list is empty");
            }
            List<String> out = new ArrayList<>();
            for (Node n : items) {
                String s = text(n, field);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }

        private Bilingual<String> bilingualText(Node node, String field) {
            Map<String, Node> keys = mapping(node, field, LANG_KEYS);
            if (keys == null) {
                return null;
            }
            String en = null;
            String zh = null;
            for (String lang : LANG_KEYS) {
                Node n = keys.get(lang);
                if (n == null) {
                    add(node, field + "." + lang, "missing the " + langName(lang) + " translation");
                    continue;
                }
                String s = text(n, field + "." + lang);
                if (lang.equals("en")) {
                    en = s;
                } else {
                    zh = s;
                }
            }
            return en != null && zh != null ? new Bilingual<>(en, zh) : null;
        }

        private Bilingual<List<String>> bilingualList(Node node, String field) {
            Map<String, Node> keys = mapping(node, field, LANG_KEYS);
            if (keys == null) {
                return null;
            }
            List<String> en = null;
            List<String> zh = null;
            for (String lang : LANG_KEYS) {
                Node n = keys.get(lang);
                if (n == null) {
                    add(node, field + "." + lang, "missing the " + langName(lang) + " translation");
                    continue;
                }
                List<String> list = textList(n, field + "." + lang, true);
                if (lang.equals("en")) {
                    en = list;
                } else {
                    zh = list;
                }
            }
            return en != null && zh != null ? new Bilingual<>(en, zh) : null;
        }

        private static String langName(String lang) {
            return lang.equals("en") ? "English (en)" : "Chinese (zh)";
        }

        private static String kind(Node node) {
            if (node instanceof MappingNode) {
                return "a mapping";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            Tag tag = node.getTag();
            if (tag == Tag.INT) {
                return "a number (" + ((ScalarNode) node).getValue() + ")";
            }
            if (tag == Tag.FLOAT) {
                return "a number (" + ((ScalarNode) node).getValue() + ")";
            }
            if (tag == Tag.BOOL) {
                return "a yes/no value (" + ((ScalarNode) node).getValue() + ")";
            }
            if (tag == Tag.NULL) {
                return "nothing";
            }
            if (tag == Tag.TIMESTAMP) {
                return "a date (" + ((ScalarNode) node).getValue() + ")";
            }
            String v = ((ScalarNode) node).getValue();
            return "text (\"" + (v.length() > 20 ? v.substring(0, 20) + "..." : v) + "\")";
        }
    }
}
