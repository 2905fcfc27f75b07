package dev.llmq.core.bank.load;

import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.load.YamlTree.Entry;
import dev.llmq.core.bank.load.YamlTree.Mapping;
import dev.llmq.core.bank.load.YamlTree.Scalar;
import dev.llmq.core.bank.load.YamlTree.Sequence;
import dev.llmq.core.bank.load.YamlTree.Type;
import java.io.CharArrayReader;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one bank file's YAML into a {@link YamlTree} from SnakeYAML's event API (the parser that
 * {@code Yaml#parse(Reader)} wraps), without SnakeYAML's node tree or constructors.
 *
 * <p>The safe-loading rules are applied here, event by event: one document only; only the
 * standard plain-YAML tags ({@code !foo}, {@code !!java...}, {@code !!binary}, merge keys are
 * refused, each at its place); at most {@link BankLoader#MAX_ALIASES} aliases to collections
 * (refuses "billion laughs"), no alias inside the node it names; nesting at most
 * {@link BankLoader#MAX_DEPTH} deep; at most {@link BankLoader#MAX_BYTES} characters. Duplicate
 * keys are kept in the tree and refused by {@link Fields#mapping}, which knows the field's name.
 */
final class YamlReader {
    private static final Map<Tag, Type> SCALAR_TYPES = Map.of(
            Tag.STR, Type.TEXT, Tag.INT, Type.INT, Tag.FLOAT, Type.FLOAT, Tag.BOOL, Type.BOOL,
            Tag.NULL, Type.NULL, Tag.TIMESTAMP, Type.TIMESTAMP);

    private final String file;
    private final List<Problem> problems;
    private final Parser parser;
    private final Resolver resolver = new Resolver();
    private final Map<String, Tag> plainTags = new HashMap<>();
    /** Finished nodes by anchor; an alias names the latest node with its anchor. */
    private final Map<String, YamlTree> anchors = new HashMap<>();
    /** Anchors of the collections being read: an alias to one of them would make a cycle. */
    private final Set<String> open = new HashSet<>();
    private int collectionAliases;
    private boolean tagRefused;

    private YamlReader(String file, List<Problem> problems, CharBuffer text) {
        this.file = file;
        this.problems = problems;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(BankLoader.MAX_BYTES);
        options.setProcessComments(false);
        this.parser = new ParserImpl(new StreamReader(
                new CharArrayReader(text.array(), text.arrayOffset() + text.position(), text.remaining())), options);
    }

    /** The file's one document, or null after reporting why there is none to read further. */
    static YamlTree read(String file, CharBuffer text, List<Problem> problems) {
        YamlReader reader = new YamlReader(file, problems, text);
        try {
            YamlTree root = reader.document();
            return reader.tagRefused ? null : root;
        } catch (Refusal r) {
            problems.add(r.problem);
        } catch (MarkedYAMLException e) {
            problems.add(syntaxError(file, e));
        } catch (YAMLException e) {
            problems.add(Loc.start(file).problem("(yaml)", "YAML refused: " + oneLine(e.getMessage())));
        }
        return null;
    }

    private YamlTree document() {
        parser.getEvent(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            problems.add(Loc.start(file).problem("(file)", "file is empty; expected version, topics and questions"));
            return null;
        }
        parser.getEvent(); // document start
        YamlTree root = node(parser.getEvent(), 0);
        parser.getEvent(); // document end
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            throw new Refusal(Loc.of(file, parser.getEvent().getStartMark()).problem("(yaml)",
                    "YAML syntax error: expected a single document in the stream, but found another document"));
        }
        return root;
    }

    private YamlTree node(Event event, int depth) {
        return switch (event) {
            case AliasEvent a -> alias(a);
            case ScalarEvent s -> remember(s.getAnchor(), scalar(s, depth));
            case SequenceStartEvent s -> sequence(s, depth);
            case MappingStartEvent m -> mapping(m, depth);
            default -> throw new IllegalStateException("unexpected YAML event " + event);
        };
    }

    private Scalar scalar(ScalarEvent event, int depth) {
        Loc loc = enter(event, depth);
        String tag = event.getTag();
        Tag resolved = tag == null || tag.equals("!")
                ? implicitTag(event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                : new Tag(tag);
        Type type = SCALAR_TYPES.get(resolved);
        if (type == null) {
            refuseTag(resolved, loc);
            type = Type.TEXT;
        }
        return new Scalar(loc, type, event.getValue());
    }

    /** The resolver's tag for an untagged scalar; plain words (keys above all) repeat, so they are cached. */
    private Tag implicitTag(String value, boolean plain) {
        if (!plain || value.length() > 16) {
            return resolver.resolve(NodeId.scalar, value, plain);
        }
        Tag tag = plainTags.get(value);
        if (tag == null) {
            tag = resolver.resolve(NodeId.scalar, value, true);
            if (plainTags.size() < 1024) {
                plainTags.put(value, tag);
            }
        }
        return tag;
    }

    private Sequence sequence(SequenceStartEvent event, int depth) {
        Loc loc = enter(event, depth);
        open(event.getAnchor());
        collectionTag(event, NodeId.sequence, Tag.SEQ, loc);
        List<YamlTree> items = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            items.add(node(parser.getEvent(), depth + 1));
        }
        parser.getEvent();
        return remember(event.getAnchor(), new Sequence(loc, items));
    }

    private Mapping mapping(MappingStartEvent event, int depth) {
        Loc loc = enter(event, depth);
        open(event.getAnchor());
        collectionTag(event, NodeId.mapping, Tag.MAP, loc);
        List<Entry> entries = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            YamlTree key = node(parser.getEvent(), depth + 1);
            entries.add(new Entry(key, node(parser.getEvent(), depth + 1)));
        }
        parser.getEvent();
        return remember(event.getAnchor(), new Mapping(loc, entries));
    }

    /** Where a node about to be read starts, once its depth is known to be within the limit. */
    private Loc enter(Event event, int depth) {
        if (depth > BankLoader.MAX_DEPTH) {
            throw new Refusal(Loc.start(file).problem("(yaml)", "YAML refused: Nesting Depth exceeded max " + BankLoader.MAX_DEPTH));
        }
        return Loc.of(file, event.getStartMark());
    }

    private void open(String anchor) {
        if (anchor != null) {
            open.add(anchor);
        }
    }

    private <T extends YamlTree> T remember(String anchor, T node) {
        if (anchor != null) {
            open.remove(anchor);
            anchors.put(anchor, node);
        }
        return node;
    }

    private YamlTree alias(AliasEvent event) {
        String name = event.getAnchor();
        Loc loc = Loc.of(file, event.getStartMark());
        YamlTree target = anchors.get(name);
        if (target == null) {
            throw new Refusal(loc.problem("(yaml)", open.contains(name)
                    ? "YAML refused: alias *" + name + " is inside the node it names"
                    : "YAML syntax error: found undefined alias " + name));
        }
        boolean collection = switch (target) {
            case Mapping m -> true;
            case Sequence s -> true;
            case Scalar s -> false;
        };
        if (collection && ++collectionAliases > BankLoader.MAX_ALIASES) {
            throw new Refusal(Loc.start(file).problem("(yaml)",
                    "YAML refused: Number of aliases for non-scalar nodes exceeds the specified max=" + BankLoader.MAX_ALIASES));
        }
        return target;
    }

    private void collectionTag(CollectionStartEvent event, NodeId id, Tag expected, Loc loc) {
        String tag = event.getTag();
        Tag resolved = tag == null || tag.equals("!") ? resolver.resolve(id, null, event.getImplicit()) : new Tag(tag);
        if (!resolved.equals(expected)) {
            refuseTag(resolved, loc);
        }
    }

    /** Any tag but the standard plain-YAML ones; reading goes on, to report every such tag. */
    private void refuseTag(Tag tag, Loc loc) {
        tagRefused = true;
        problems.add(loc.problem("(yaml)", tag.isCustomGlobal()
                ? "custom tags are not allowed; the bank is plain YAML (" + tag.getValue() + ")"
                : "tag '" + tag.getValue() + "' is not allowed; the bank uses plain YAML only"));
    }

    /**
     * A YAML syntax error in plain words where we know the usual cause, located where a person
     * would fix it (an unclosed quote at the line where it opens, not at the end of the file), and
     * SnakeYAML's own words after it for the rest.
     */
    static Problem syntaxError(String file, MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String what = oneLine(context.isEmpty() ? (problem.isEmpty() ? e.getMessage() : problem) : context + ", " + problem);
        String hint = null;
        if (context.contains("scanning a quoted scalar") && e.getContextMark() != null) {
            m = e.getContextMark();
            hint = "a quote that opens here is never closed (end the text with the same quote mark)";
        } else if (problem.contains("mapping values are not allowed here")) {
            hint = "indentation: a key here is not aligned with its siblings (or a text holds ': ' and needs quotes)";
        } else if (problem.contains("expected <block end>") || context.contains("parsing a block mapping")
                && problem.contains("expected <block end>")) {
            hint = "indentation: this line is indented differently from the keys above it";
        } else if (problem.contains("found character '\\t") || problem.contains("(TAB)")) {
            hint = "a tab: indent with spaces";
        } else if (problem.contains("could not find expected ':'")) {
            hint = "a key without ':' (or a quote or bracket above it that is never closed)";
        } else if (context.contains("flow sequence") || context.contains("flow mapping")) {
            hint = "a [list] or {mapping} that is never closed, or a ',' missing between its items";
        }
        String text = hint == null ? "YAML syntax error: " + what : "YAML syntax error: " + hint + " (" + what + ")";
        return Loc.of(file, m).problem("(yaml)", text);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    /** Stops reading the file with one problem. */
    private static final class Refusal extends RuntimeException {
        final transient Problem problem;

        Refusal(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
