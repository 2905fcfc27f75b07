package dev.llmq.core.port.out;

import java.time.Instant;
import java.util.List;

/** Each user's progress: which answers they revealed (and, later, how they graded themselves). */
public interface ProgressStore {
    void recordReveal(String platform, String space, String user, String questionId, Instant at);

    /** The user's progress, most recently revealed first. */
    List<UserProgress> progress(String platform, String space, String user);
}
