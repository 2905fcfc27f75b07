package dev.llmq.core.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds a topic from free text: its id, an alias, or its name in either language, ignoring case,
 * spaces and punctuation ({@link TopicWords}); then a unique prefix or substring; else suggestions.
 * A valid bank has no word that names two topics, so the exact match is unambiguous.
 */
public final class TopicResolver {
    /** The outcome of resolving one input. */
    public sealed interface Resolution {
    }

    public record Found(Topic topic) implements Resolution {
    }

    public record Ambiguous(String input, List<Topic> candidates) implements Resolution {
    }

    public record Unknown(String input, List<Topic> suggestions) implements Resolution {
    }

    private final QuestionBank bank;
    /** Every normalized word (id, alias, name) and the topic it names, in bank order. */
    private final Map<String, Topic> words = new LinkedHashMap<>();

    public TopicResolver(QuestionBank bank) {
        this.bank = Objects.requireNonNull(bank);
        for (Topic t : bank.topics()) {
            words.putIfAbsent(TopicWords.normalize(t.id()), t);
            for (String a : t.aliases()) {
                words.putIfAbsent(TopicWords.normalize(a), t);
            }
            words.putIfAbsent(TopicWords.normalize(t.name().en()), t);
            words.putIfAbsent(TopicWords.normalize(t.name().zh()), t);
        }
    }

    public QuestionBank bank() {
        return bank;
    }

    public Resolution resolve(String input) {
        String key = TopicWords.normalize(input);
        if (key.isEmpty()) {
            return new Unknown(input, List.of());
        }
        Topic exact = words.get(key);
        if (exact != null) {
            return new Found(exact);
        }
        boolean cjk = key.codePoints().anyMatch(TopicResolver::isCjk);
        if (key.length() >= 3 || cjk) {
            Set<Topic> prefix = matching(key, true);
            if (prefix.size() == 1) {
                return new Found(prefix.iterator().next());
            }
            if (prefix.size() > 1) {
                return new Ambiguous(input, List.copyOf(prefix));
            }
            Set<Topic> inner = matching(key, false);
            if (inner.size() == 1) {
                return new Found(inner.iterator().next());
            }
            if (inner.size() > 1) {
                return new Ambiguous(input, List.copyOf(inner));
            }
        }
        List<Topic> suggestions = new ArrayList<>();
        Suggest.closest(key, words.keySet()).map(words::get).ifPresent(suggestions::add);
        return new Unknown(input, suggestions);
    }

    private Set<Topic> matching(String key, boolean prefixOnly) {
        Set<Topic> found = new LinkedHashSet<>();
        for (Map.Entry<String, Topic> e : words.entrySet()) {
            if (prefixOnly ? e.getKey().startsWith(key) : e.getKey().contains(key)) {
                found.add(e.getValue());
            }
        }
        return found;
    }

    private static boolean isCjk(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** The words' normal form: {@link TopicWords#normalize(String)}. */
    public static String normalize(String s) {
        return TopicWords.normalize(s);
    }
}
