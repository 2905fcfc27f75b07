package dev.llmq.core.bank.load;

import static dev.llmq.core.bank.load.YamlTree.kind;

import dev.llmq.core.bank.Bilingual;
import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.Suggest;
import dev.llmq.core.bank.load.YamlTree.Entry;
import dev.llmq.core.bank.load.YamlTree.Mapping;
import dev.llmq.core.bank.load.YamlTree.Scalar;
import dev.llmq.core.bank.load.YamlTree.Sequence;
import dev.llmq.core.bank.load.YamlTree.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Typed reads of {@link YamlTree} nodes for the schema: each one reports a located problem under
 * the field's name and returns null when the node is not what the field needs.
 */
final class Fields {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final List<String> LANG_KEYS = List.of("en", "zh");

    private final List<Problem> problems;

    Fields(List<Problem> problems) {
        this.problems = problems;
    }

    void add(YamlTree at, String field, String message) {
        problems.add(at.loc().problem(field, message));
    }

    /** The allowed keys of a mapping and their values; unknown, duplicate and non-text keys are problems. */
    Map<String, YamlTree> mapping(YamlTree node, String field, List<String> allowed) {
        List<Entry> entries = switch (node) {
            case Mapping m -> m.entries();
            case Sequence s -> null;
            case Scalar s -> null;
        };
        if (entries == null) {
            add(node, field, "expected a mapping, found " + kind(node));
            return null;
        }
        Map<String, YamlTree> keys = new LinkedHashMap<>();
        Map<String, Loc> firstAt = new HashMap<>();
        for (Entry e : entries) {
            Scalar k = asScalar(e.key());
            if (k == null) {
                add(e.key(), field, "a key must be a plain word, found " + kind(e.key()));
                continue;
            }
            String key = k.value();
            Loc first = firstAt.putIfAbsent(key, k.loc());
            if (first != null) {
                add(k, field + "." + key, "duplicate key '" + key + "' (first at " + first + ")");
            } else if (!allowed.contains(key)) {
                add(k, field + "." + key, "unknown key '" + key + "'"
                        + Suggest.closest(key, allowed).map(s -> " (did you mean '" + s + "'?)")
                                .orElse("; expected one of " + String.join(", ", allowed)));
            } else {
                keys.put(key, e.value());
            }
        }
        return keys;
    }

    YamlTree require(YamlTree parent, Map<String, YamlTree> keys, String field, String key) {
        YamlTree n = keys.get(key);
        if (n == null) {
            add(parent, field + "." + key, "missing required key '" + key + "'");
        }
        return n;
    }

    List<YamlTree> sequence(YamlTree node, String field) {
        return switch (node) {
            case Sequence s -> s.items();
            case Mapping m -> notA(node, field, "a list");
            case Scalar s -> notA(node, field, "a list");
        };
    }

    /** Text, stripped; blank text is a problem. */
    String text(YamlTree node, String field) {
        Located t = located(node, field);
        return t == null ? null : t.value();
    }

    Located located(YamlTree node, String field) {
        Scalar s = asScalar(node);
        if (s == null || s.type() != Type.TEXT) {
            return notA(node, field, "text");
        }
        if (s.value().isBlank()) {
            add(node, field, "text is empty");
            return null;
        }
        return new Located(s.value().strip(), s.loc());
    }

    String id(YamlTree node, String field) {
        String s = text(node, field);
        if (s != null && !ID.matcher(s).matches()) {
            add(node, field, "id '" + s + "' must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit");
            return null;
        }
        return s;
    }

    Integer integer(YamlTree node, String field) {
        Scalar s = asScalar(node);
        if (s == null || s.type() != Type.INT) {
            return notA(node, field, "a whole number");
        }
        try {
            return Integer.valueOf(s.value().replace("_", ""));
        } catch (NumberFormatException e) {
            add(node, field, "number is out of range");
            return null;
        }
    }

    /** Texts of a list; with {@code requireItems}, an empty list is a problem too. */
    List<String> textList(YamlTree node, String field, boolean requireItems) {
        List<Located> items = locatedList(node, field, requireItems);
        return items == null ? null : items.stream().map(Located::value).toList();
    }

    List<Located> locatedList(YamlTree node, String field, boolean requireItems) {
        List<YamlTree> items = sequence(node, field);
        if (items == null) {
            return null;
        }
        if (requireItems && items.isEmpty()) {
            add(node, field, "list is empty");
        }
        List<Located> out = new ArrayList<>(items.size());
        for (YamlTree n : items) {
            Located s = located(n, field);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Text in English and Chinese, each where it was written; null unless both are there. */
    Bilingual<Located> bilingualText(YamlTree node, String field) {
        return bilingual(node, field, this::located);
    }

    Bilingual<List<String>> bilingualList(YamlTree node, String field) {
        return bilingual(node, field, (n, f) -> textList(n, f, true));
    }

    private <T> Bilingual<T> bilingual(YamlTree node, String field, BiFunction<YamlTree, String, T> read) {
        Map<String, YamlTree> keys = mapping(node, field, LANG_KEYS);
        if (keys == null) {
            return null;
        }
        List<T> values = new ArrayList<>(2);
        for (String lang : LANG_KEYS) {
            YamlTree n = keys.get(lang);
            if (n == null) {
                add(node, field + "." + lang, "missing the " + (lang.equals("en") ? "English (en)" : "Chinese (zh)") + " translation");
                values.add(null);
            } else {
                values.add(read.apply(n, field + "." + lang));
            }
        }
        return values.get(0) != null && values.get(1) != null ? new Bilingual<>(values.get(0), values.get(1)) : null;
    }

    private static Scalar asScalar(YamlTree node) {
        return switch (node) {
            case Scalar s -> s;
            case Mapping m -> null;
            case Sequence q -> null;
        };
    }

    private <T> T notA(YamlTree node, String field, String expected) {
        add(node, field, "expected " + expected + ", found " + kind(node));
        return null;
    }
}
