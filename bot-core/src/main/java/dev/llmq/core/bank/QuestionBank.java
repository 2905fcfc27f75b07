package dev.llmq.core.bank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable, validated question bank. Build one with {@code dev.llmq.core.bank.load.BankLoader}. */
public final class QuestionBank {
    private final List<Topic> topics;
    private final Map<String, Topic> topicsById = new LinkedHashMap<>();
    private final Map<String, Question> questionsById = new LinkedHashMap<>();
    private final Map<String, List<Question>> questionsByTopic = new LinkedHashMap<>();
    /** Old ids (merged or renamed questions) to the question that replaces them. */
    private final Map<String, Question> replacedBy = new LinkedHashMap<>();
    private final List<String> origins;

    public QuestionBank(List<Topic> topics, List<Question> questions, List<String> origins) {
        this.topics = List.copyOf(topics);
        this.origins = List.copyOf(origins);
        for (Topic t : topics) {
            if (topicsById.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("duplicate topic " + t.id());
            }
            questionsByTopic.put(t.id(), new ArrayList<>());
        }
        for (Question q : questions) {
            if (questionsById.putIfAbsent(q.id(), q) != null) {
                throw new IllegalArgumentException("duplicate question " + q.id());
            }
            List<Question> list = questionsByTopic.get(q.topicId());
            if (list == null) {
                throw new IllegalArgumentException("question " + q.id() + " names unknown topic " + q.topicId());
            }
            list.add(q);
        }
        questionsByTopic.replaceAll((k, v) -> List.copyOf(v));
        for (Question q : questions) {
            for (String old : q.replaces()) {
                if (questionsById.containsKey(old)) {
                    throw new IllegalArgumentException(q.id() + " replaces " + old + ", which is still a question");
                }
                Question before = replacedBy.putIfAbsent(old, q);
                if (before != null) {
                    throw new IllegalArgumentException(old + " is replaced by both " + before.id() + " and " + q.id());
                }
            }
        }
    }

    public List<Topic> topics() {
        return topics;
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topicsById.get(id));
    }

    /**
     * The question with this id, or the one that replaces it: ids in stored cards, decks, daily
     * posts and old buttons outlive a merge or a rename.
     */
    public Optional<Question> question(String id) {
        Question q = questionsById.get(id);
        return Optional.ofNullable(q != null ? q : replacedBy.get(id));
    }

    /** True when {@code id} is a current question's own id (not one it replaces). */
    public boolean isCurrentId(String id) {
        return questionsById.containsKey(id);
    }

    public List<Question> questions() {
        return List.copyOf(questionsById.values());
    }

    public List<Question> questionsOf(String topicId) {
        return questionsByTopic.getOrDefault(topicId, List.of());
    }

    public int size() {
        return questionsById.size();
    }

    /** The files (or resource names) the bank was read from. */
    public List<String> origins() {
        return Collections.unmodifiableList(origins);
    }
}
