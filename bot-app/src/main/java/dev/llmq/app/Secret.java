package dev.llmq.app;

import java.util.Objects;

/** A token or password. It never prints itself: {@code toString()} is a fixed mask. */
final class Secret {
    private final String value;

    Secret(String value) {
        this.value = Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("empty secret");
        }
    }

    /** The secret itself, for the one call that needs it (an SDK's login). */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
