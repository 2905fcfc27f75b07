package dev.llmq.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.llmq.core.port.out.PublishException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Posts messages with {@code chat.postMessage}, paced to at most one message per second per
 * channel (Slack's limit) by a Failsafe smooth rate limiter per channel. A 429 is not retried
 * here: it becomes a {@link PublishException} carrying Slack's {@code Retry-After}, and the caller
 * decides. For daily posts that is the scheduler's one retry policy (a stored retry after the
 * wait, which does not count as a failed attempt); an interactive post falls back to the
 * interaction's response URL.
 */
final class SlackPoster {
    /** Slack's retryable {@code error} values. */
    private static final Set<String> RETRYABLE = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final MethodsClient client;
    private final Duration interval;
    private final Duration maxQueueWait;
    private final Cache<String, RateLimiter<ChatPostMessageResponse>> limiters;

    /** A 429 (or {@code ratelimited}): try again after {@code retryAfter}. */
    static final class RateLimited extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        RateLimited(Duration retryAfter) {
            super("rate limited by Slack; retry after " + retryAfter.toSeconds() + "s", null, false, false);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    SlackPoster(MethodsClient client) {
        this(client, Duration.ofSeconds(1), Duration.ofMinutes(2));
    }

    /**
     * @param interval     the least time between two messages to one channel
     * @param maxQueueWait how long a message may wait for its channel's turn before failing (retryable)
     */
    SlackPoster(MethodsClient client, Duration interval, Duration maxQueueWait) {
        this.client = client;
        this.interval = interval;
        this.maxQueueWait = maxQueueWait;
        this.limiters = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    }

    /** Posts to {@code channel} (in the thread {@code threadTs}, if given); returns the new message's ts. */
    String post(String channel, Optional<String> threadTs, SlackMessage message) throws PublishException {
        return post(channel, threadTs, message, Optional.empty());
    }

    /** As {@link #post(String, Optional, SlackMessage)}, with message metadata (the daily post's key). */
    String post(String channel, Optional<String> threadTs, SlackMessage message, Optional<Message.Metadata> metadata)
            throws PublishException {
        RateLimiter<ChatPostMessageResponse> limiter = limiters.get(channel,
                c -> RateLimiter.<ChatPostMessageResponse>smoothBuilder(1, interval).withMaxWaitTime(maxQueueWait).build());
        ChatPostMessageResponse r;
        try {
            r = Failsafe.with(limiter).get(() -> attempt(channel, threadTs, message, metadata));
        } catch (RateLimited e) {
            throw new PublishException(e.getMessage(), true, Optional.of(e.retryAfter()), null);
        } catch (RateLimitExceededException e) {
            throw new PublishException("too many messages waiting for channel " + channel, true,
                    Optional.of(interval), null);
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof PublishException pe) {
                throw pe;
            }
            throw new PublishException("chat.postMessage failed: " + cause.getMessage(), true, Optional.empty(), null);
        }
        return r.getTs();
    }

    private ChatPostMessageResponse attempt(String channel, Optional<String> threadTs, SlackMessage message,
                                            Optional<Message.Metadata> metadata) throws PublishException {
        ChatPostMessageResponse r;
        try {
            r = client.chatPostMessage(q -> q.channel(channel).threadTs(threadTs.orElse(null))
                    .text(message.text()).blocks(message.blocks()).unfurlLinks(false).unfurlMedia(false)
                    .metadata(metadata.orElse(null)));
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                throw new RateLimited(retryAfter(e.getResponse().header("Retry-After")));
            }
            throw new PublishException("chat.postMessage answered HTTP " + code, code >= 500, Optional.empty(), null);
        } catch (IOException e) {
            throw new PublishException("chat.postMessage failed: " + e.getMessage(), true, Optional.empty(), null);
        }
        if (!r.isOk()) {
            if ("ratelimited".equals(r.getError())) {
                throw new RateLimited(interval);
            }
            throw new PublishException("chat.postMessage: " + r.getError(), RETRYABLE.contains(r.getError()),
                    Optional.empty(), null);
        }
        return r;
    }

    static Duration retryAfter(String header) {
        if (header != null && header.strip().matches("[0-9]{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        }
        return Duration.ofSeconds(1);
    }
}
