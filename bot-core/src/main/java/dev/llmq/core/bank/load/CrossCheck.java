package dev.llmq.core.bank.load;

import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.Suggest;
import dev.llmq.core.bank.TopicWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks across all files of a bank: topic and question ids are unique, no word names two
 * topics, every question's topic and follow-ups exist, every topic has a question.
 */
final class CrossCheck {
    private final List<Problem> problems;
    private final Map<String, RawTopic> topicById = new LinkedHashMap<>();
    private final Map<String, RawQuestion> questionById = new LinkedHashMap<>();

    private CrossCheck(List<Problem> problems) {
        this.problems = problems;
    }

    /** Adds the problems found to {@code problems}; the lists are in file order. */
    static void check(List<Problem> problems, List<RawTopic> topics, List<RawQuestion> questions) {
        CrossCheck c = new CrossCheck(problems);
        c.topicIds(topics);
        c.topicWords();
        c.questionIds(questions);
        c.references(questions);
    }

    private void topicIds(List<RawTopic> topics) {
        for (RawTopic t : topics) {
            if (t.id == null) {
                continue;
            }
            RawTopic first = topicById.putIfAbsent(t.id, t);
            if (first != null) {
                problems.add(t.idLoc.problem("topics[" + t.id + "].id",
                        "duplicate topic id '" + t.id + "' (first defined at " + first.idLoc + ")"));
            }
        }
    }

    /** One word a topic can be named by in {@code /llmq <topic>}. */
    private record Word(RawTopic topic, String text, Loc loc, String field, String what) {
    }

    /**
     * No id, alias or name (in either language) of one topic may equal one of another topic's,
     * compared as {@link TopicWords#normalize} does: the topic resolver would find only the first.
     * The same word twice in one topic is fine. The later word is the problem, naming the first.
     */
    private void topicWords() {
        Map<String, Word> byKey = new HashMap<>();
        for (RawTopic t : topicById.values()) {
            for (Word w : words(t)) {
                String key = TopicWords.normalize(w.text());
                if (key.isEmpty()) {
                    continue; // never matched: the resolver treats such input as unknown
                }
                if (TopicWords.COMMAND_WORDS.contains(key)) {
                    problems.add(w.loc().problem(w.field(), "'" + w.text() + "' is a command word (/llmq " + key
                            + "), so no topic can be named by it; choose another " + w.what()));
                    continue;
                }
                Word first = byKey.putIfAbsent(key, w);
                if (first != null && first.topic() != t) {
                    problems.add(w.loc().problem(w.field(), "'" + w.text() + "' already names topic '"
                            + first.topic().id + "' (its " + first.what() + " '" + first.text() + "' at " + first.loc() + ")"));
                }
            }
        }
    }

    private static List<Word> words(RawTopic t) {
        String label = "topics[" + t.id + "]";
        List<Word> words = new ArrayList<>();
        words.add(new Word(t, t.id, t.idLoc, label + ".id", "id"));
        for (Located a : t.aliases) {
            words.add(new Word(t, a.value(), a.loc(), label + ".aliases", "alias"));
        }
        if (t.name != null) {
            words.add(new Word(t, t.name.en().value(), t.name.en().loc(), label + ".name.en", "English name"));
            words.add(new Word(t, t.name.zh().value(), t.name.zh().loc(), label + ".name.zh", "Chinese name"));
        }
        return words;
    }

    private void questionIds(List<RawQuestion> questions) {
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
    }

    private void references(List<RawQuestion> questions) {
        Map<String, Integer> perTopic = new HashMap<>();
        Map<String, RawQuestion> replacedBy = new HashMap<>();
        for (RawQuestion q : questions) {
            for (Located old : q.replaces) {
                if (questionById.containsKey(old.value())) {
                    problems.add(old.loc().problem(q.label + ".replaces", "'" + old.value()
                            + "' is still a question; an id is replaced only once its question is gone"));
                }
                RawQuestion other = replacedBy.putIfAbsent(old.value(), q);
                if (other != null && other != q) {
                    problems.add(old.loc().problem(q.label + ".replaces", "'" + old.value() + "' is already replaced by "
                            + other.label));
                }
            }
        }
        for (RawQuestion q : questions) {
            if (q.topic != null) {
                if (topicById.containsKey(q.topic.value())) {
                    perTopic.merge(q.topic.value(), 1, Integer::sum);
                } else {
                    problems.add(q.topic.loc().problem(q.label + ".topic", "unknown topic '" + q.topic.value() + "'"
                            + didYouMean(q.topic.value(), topicById.keySet())
                            + "; topics are: " + String.join(", ", topicById.keySet())));
                }
            }
            for (Located f : q.followUps) {
                if (f.value().equals(q.id)) {
                    problems.add(f.loc().problem(q.label + ".follow_ups", "a question cannot follow itself"));
                } else if (!questionById.containsKey(f.value())) {
                    problems.add(f.loc().problem(q.label + ".follow_ups", "no question has the id '" + f.value() + "'"
                            + didYouMean(f.value(), questionById.keySet())));
                }
            }
        }
        for (RawTopic t : topicById.values()) {
            if (!perTopic.containsKey(t.id)) {
                problems.add(t.idLoc.problem("topics[" + t.id + "]", "topic has no questions"));
            }
        }
    }

    private static String didYouMean(String value, Set<String> candidates) {
        return Suggest.closest(value, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
