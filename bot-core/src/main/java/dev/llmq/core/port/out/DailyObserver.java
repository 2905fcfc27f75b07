package dev.llmq.core.port.out;

/** Hears what the daily scheduler decided about failed posts: for the metrics. */
public interface DailyObserver {
    DailyObserver NONE = new DailyObserver() {
        @Override
        public void retried(String platform) {
        }

        @Override
        public void gaveUp(String platform, String outcome) {
        }
    };

    /** A failed attempt was stored for a later retry. */
    void retried(String platform);

    /** The scheduler gave up: {@code outcome} is {@code failed}, {@code skipped} or {@code answer-failed}. */
    void gaveUp(String platform, String outcome);
}
