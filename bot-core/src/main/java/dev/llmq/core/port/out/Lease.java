package dev.llmq.core.port.out;

import java.time.Instant;
import java.util.Objects;

/** Who holds claimed work and until when; after {@code until} any replica may take the work over. */
public record Lease(String owner, Instant until) {
    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
    }
}
