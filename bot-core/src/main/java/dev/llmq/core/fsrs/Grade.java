package dev.llmq.core.fsrs;

/** How well a member recalled an answer, as FSRS and Anki count it: Again 1, Hard 2, Good 3, Easy 4. */
public enum Grade {
    AGAIN(1), HARD(2), GOOD(3), EASY(4);

    private final int value;

    Grade(int value) {
        this.value = value;
    }

    /** 1 to 4, the G of the FSRS formulas. */
    public int value() {
        return value;
    }
}
