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
    }

    public List<Topic> topics() {
        return topics;
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topicsById.get(id));
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questionsById.get(id));
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
