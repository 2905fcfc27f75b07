package dev.llmq.core.port.out;

import java.util.Objects;

/** The outcome of claiming today's post on demand ({@code daily now}). */
public sealed interface NowClaim {
    /** The post is ours to send, under the lease that was given. */
    record Claimed(PostRecord post) implements NowClaim {
        public Claimed {
            Objects.requireNonNull(post, "post");
        }
    }

    /** The channel already has a post for that date (sent, or being sent by someone else). */
    record Exists(PostRecord post) implements NowClaim {
        public Exists {
            Objects.requireNonNull(post, "post");
        }
    }
}
