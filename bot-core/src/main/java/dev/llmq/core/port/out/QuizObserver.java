package dev.llmq.core.port.out;

import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;

/** Told about every request the quizmaster answers (metrics, audit). Must be fast and must not throw. */
public interface QuizObserver {
    QuizObserver NONE = new QuizObserver() {
        @Override
        public void handled(Origin origin, Command command, Reply reply, long nanos) {
        }

        @Override
        public void pressed(Origin origin, String actionId, Reply reply, long nanos) {
        }
    };

    /** A command was answered with {@code reply}, taking {@code nanos}. */
    void handled(Origin origin, Command command, Reply reply, long nanos);

    /** A button press was answered with {@code reply}, taking {@code nanos}. */
    void pressed(Origin origin, String actionId, Reply reply, long nanos);
}
