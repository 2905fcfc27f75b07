package dev.llmq.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily questions on Slack: the question with {@code chat.postMessage}; the previous day's answer
 * as a reply in that day's thread ({@code thread_ts} = the question's ts). Posts are paced per
 * channel and a 429's {@code Retry-After} is honoured (see {@link SlackPoster}).
 */
public final class SlackPublisher implements DailyPublisher {
    public static final String PLATFORM = "slack";

    /** The metadata event type that marks llmq's daily posts; its payload's {@code key} is the post's nonce. */
    static final String EVENT_TYPE = "llmq_daily_post";
    /** How far back {@link #find} reads: posts older than this before their retry are not looked for. */
    static final Duration LOOK_BACK = Duration.ofDays(2);
    private static final Logger log = LoggerFactory.getLogger(SlackPublisher.class);

    private final SlackPoster poster;
    private final MethodsClient methods;
    private final AtomicBoolean missingScopeSaid = new AtomicBoolean();

    SlackPublisher(SlackPoster poster, MethodsClient methods) {
        this.poster = poster;
        this.methods = methods;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        String ts = poster.post(post.channel().channel(), Optional.empty(), BlockKit.dailyQuestion(post),
                Optional.of(metadata(post)));
        // On Slack a message's thread is named by the message's ts.
        return new Published(ts, post.openThread() ? Optional.of(ts) : Optional.empty());
    }

    /**
     * A member's reminder: {@code chat.postMessage} to their user id, which Slack delivers in the
     * app's direct messages with them (the Messages tab), with {@code chat:write} alone.
     */
    @Override
    public Published postReminder(ChannelRef member, Notice nudge) throws PublishException {
        return new Published(poster.post(member.memberId(), Optional.empty(), BlockKit.render(nudge), Optional.empty()),
                Optional.empty());
    }

    /** The post's key, (channel, local date) as its nonce, in the message's metadata: Slack has no idempotency key. */
    static Message.Metadata metadata(DailyPost post) {
        return Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of("key", post.nonce())).build();
    }

    /**
     * Reads the channel's messages since {@link #LOOK_BACK} with their metadata
     * ({@code conversations.history}, which needs {@code channels:history} and
     * {@code groups:history}) for one that carries this post's key. Without those scopes it says so
     * once in the log and answers empty, so the post is sent again: the README names this window.
     */
    @Override
    public Optional<Published> find(DailyPost post) throws PublishException {
        String channel = post.channel().channel();
        String oldest = String.valueOf(Instant.now().minus(LOOK_BACK).getEpochSecond());
        ConversationsHistoryResponse r;
        try {
            r = methods.conversationsHistory(q -> q.channel(channel).oldest(oldest).limit(200).includeAllMetadata(true));
        } catch (IOException | SlackApiException e) {
            throw new PublishException("conversations.history failed: " + e.getMessage(), true, Optional.empty(), null);
        }
        if (!r.isOk()) {
            if ("missing_scope".equals(r.getError()) || "not_in_channel".equals(r.getError())) {
                if (missingScopeSaid.compareAndSet(false, true)) {
                    log.warn("Slack: cannot read channel history ({}); add the channels:history and groups:history "
                            + "scopes (slack/manifest.yml) and reinstall the app, or a post whose send was interrupted "
                            + "may be sent twice", r.getError());
                }
                return Optional.empty();
            }
            throw new PublishException("conversations.history: " + r.getError(), true, Optional.empty(), null);
        }
        for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
            Message.Metadata md = m.getMetadata();
            if (md != null && EVENT_TYPE.equals(md.getEventType()) && md.getEventPayload() != null
                    && post.nonce().equals(String.valueOf(md.getEventPayload().get("key")))) {
                return Optional.of(new Published(m.getTs(), post.openThread() ? Optional.of(m.getTs()) : Optional.empty()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) throws PublishException {
        poster.post(channel.channel(), Optional.of(where.threadRef().orElse(where.messageRef())),
                BlockKit.dailyAnswer(answer));
    }
}
