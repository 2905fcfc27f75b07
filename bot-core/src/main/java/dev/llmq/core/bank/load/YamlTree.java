package dev.llmq.core.bank.load;

import java.util.List;

/**
 * One YAML document as a small located tree: what {@link YamlReader} builds from SnakeYAML's
 * events and {@link SchemaReader} walks. Aliases are resolved (an alias is the node it names),
 * tags are checked and resolved: every scalar carries its plain-YAML type. The reader hands
 * its lists over and never changes them again; nobody else does either.
 */
sealed interface YamlTree {
    /** Where the node starts. */
    Loc loc();

    record Mapping(Loc loc, List<Entry> entries) implements YamlTree {
    }

    /** One key and its value, in file order; keys may repeat (the schema reader refuses that). */
    record Entry(YamlTree key, YamlTree value) {
    }

    record Sequence(Loc loc, List<YamlTree> items) implements YamlTree {
    }

    /** A scalar as written (plain, quoted or block), with the type its tag gives it. */
    record Scalar(Loc loc, Type type, String value) implements YamlTree {
    }

    /** The scalar types of plain YAML (SnakeYAML's standard scalar tags). */
    enum Type {
        TEXT, INT, FLOAT, BOOL, NULL, TIMESTAMP
    }

    /** How a node is named in messages: "a mapping", "a number (2.5)", "text ("…")". */
    static String kind(YamlTree node) {
        return switch (node) {
            case Mapping m -> "a mapping";
            case Sequence s -> "a list";
            case Scalar s -> switch (s.type()) {
                case INT, FLOAT -> "a number (" + s.value() + ")";
                case BOOL -> "a yes/no value (" + s.value() + ")";
                case NULL -> "nothing";
                case TIMESTAMP -> "a date (" + s.value() + ")";
                case TEXT -> "text (\"" + (s.value().length() > 20 ? s.value().substring(0, 20) + "..." : s.value()) + "\")";
            };
        };
    }
}
