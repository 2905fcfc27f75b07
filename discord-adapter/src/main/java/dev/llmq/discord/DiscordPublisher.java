package dev.llmq.discord;

import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts daily questions on Discord: the question goes to the channel with {@code enforce_nonce}
 * and the post's nonce (so a retried post is not duplicated), a public thread is opened on it for
 * discussion, and the previous day's answer is posted in that day's thread. JDA waits out 429s
 * and retries them itself; what is left over becomes a {@link PublishException}.
 */
public final class DiscordPublisher implements DailyPublisher {
    public static final String PLATFORM = "discord";
    private static final Logger log = LoggerFactory.getLogger(DiscordPublisher.class);
    static final int THREAD_NAME_MAX = 100;

    private final Supplier<JDA> jda;
    private final Duration timeout;

    /**
     * @param jda     the connected client (a supplier, because the client is built after the core it serves)
     * @param timeout how long one REST call may take, rate-limit waits included
     */
    public DiscordPublisher(Supplier<JDA> jda, Duration timeout) {
        this.jda = Objects.requireNonNull(jda);
        this.timeout = Objects.requireNonNull(timeout);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Published postQuestion(DailyPost post) throws PublishException {
        GuildMessageChannel channel = channel(post.channel());
        MessageCreateData data = DiscordRenderer.dailyQuestion(post.question(), post.localDate());
        Message message = await(() -> channel.sendMessage(data).setNonce(post.nonce()),
                "post the daily question in #" + channel.getName());
        Optional<String> thread = Optional.empty();
        if (post.openThread()) {
            String name = DiscordRenderer.cut(DiscordText.DAILY_THREAD.text(post.question().lang(),
                    post.question().prompt().replaceAll("\\s+", " ")), THREAD_NAME_MAX);
            try {
                ThreadChannel t = await(() -> message.createThreadChannel(name)
                        .setAutoArchiveDuration(ThreadChannel.AutoArchiveDuration.TIME_1_WEEK), "open a thread");
                thread = Optional.of(t.getId());
            } catch (PublishException e) {
                // The question is out; a retry would not open the thread either. Say so and go on.
                log.warn("daily question posted in #{} without a discussion thread: {}", channel.getName(), e.getMessage());
            }
        }
        return new Published(message.getId(), thread);
    }

    /**
     * A member's reminder as a direct message: opens (or finds) the DM channel with them, then sends.
     * A member who does not accept direct messages from server members answers 50007: permanent.
     */
    @Override
    public Published postReminder(ChannelRef member, Notice nudge) throws PublishException {
        JDA client = connected();
        MessageCreateData data = DiscordRenderer.render(nudge).data();
        Message message = await(() -> client.openPrivateChannelById(member.memberId())
                .flatMap(dm -> dm.sendMessage(data)), "send a reminder to member " + member.memberId());
        return new Published(message.getId(), Optional.empty());
    }

    /** How far back {@link #find} reads a channel: a day's post has rarely more messages after it before its retry. */
    static final int RECENT = 100;

    /**
     * Reads the channel's last {@value #RECENT} messages for this post: ours, with the daily title of
     * its date (one post per channel and date, so the title names it). Discord's nonce check only
     * covers a few minutes, and a message read back has no nonce, so the content is what tells.
     * A thread started from a message has the message's id.
     */
    @Override
    public Optional<Published> find(DailyPost post) throws PublishException {
        GuildMessageChannel channel = channel(post.channel());
        String title = DiscordRenderer.dailyQuestion(post.question(), post.localDate()).getContent();
        long self = connected().getSelfUser().getIdLong();
        List<Message> recent = await(() -> channel.getHistory().retrievePast(RECENT),
                "read the recent messages of #" + channel.getName());
        for (Message m : recent) {
            if (m.getAuthor().getIdLong() == self && m.getContentRaw().equals(title)) {
                return Optional.of(new Published(m.getId(), post.openThread() ? Optional.of(m.getId()) : Optional.empty()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void postAnswer(ChannelRef channelRef, Published where, AnswerCard answer) throws PublishException {
        MessageCreateData data = DiscordRenderer.dailyAnswer(answer);
        String nonce = DailyPost.nonce("answer|" + where.messageRef());
        JDA client = connected();
        Optional<ThreadChannel> thread = where.threadRef().map(client::getThreadChannelById);
        if (thread.isPresent()) {
            await(() -> thread.get().sendMessage(data).setNonce(nonce), "post the answer in thread " + thread.get().getName());
            return;
        }
        // No thread, or one this process no longer knows: answer as a reply to the question.
        GuildMessageChannel channel = channel(channelRef);
        await(() -> channel.sendMessage(data).setNonce(nonce).setMessageReference(where.messageRef())
                .failOnInvalidReply(false), "post the answer in #" + channel.getName());
    }

    private GuildMessageChannel channel(ChannelRef ref) throws PublishException {
        if (!PLATFORM.equals(ref.platform())) {
            throw new PublishException("not a Discord channel: " + ref, false, Optional.empty(), null);
        }
        GuildMessageChannel channel = connected().getChannelById(GuildMessageChannel.class, ref.channel());
        if (channel == null) {
            throw new PublishException("channel " + ref.channel() + " is unknown, or the bot cannot see it", false,
                    Optional.empty(), null);
        }
        return channel;
    }

    private JDA connected() throws PublishException {
        JDA client = jda.get();
        if (client == null) {
            throw new PublishException("Discord is not connected yet", true, Optional.empty(), null);
        }
        return client;
    }

    /** Runs one REST call and waits for it, turning every failure into a {@link PublishException}. */
    private <T> T await(Supplier<RestAction<T>> call, String what) throws PublishException {
        try {
            return call.get().submit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InsufficientPermissionException e) {
            throw new PublishException("cannot " + what + ": the bot lacks the permission " + e.getPermission().getName(),
                    false, Optional.empty(), e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("cannot " + what + ": no answer from Discord within " + timeout.toSeconds() + " s",
                    true, Optional.empty(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("cannot " + what + ": interrupted", true, Optional.empty(), e);
        }
    }

    static PublishException failure(String what, Throwable cause) {
        if (cause instanceof ErrorResponseException e) {
            ErrorResponse r = e.getErrorResponse();
            boolean retryable = e.isServerError() || r == ErrorResponse.SERVER_ERROR;
            return new PublishException("cannot " + what + ": Discord says " + e.getErrorCode() + " " + e.getMeaning(),
                    retryable, Optional.empty(), e);
        }
        if (cause instanceof RateLimitedException e) {
            return new PublishException("cannot " + what + ": rate limited", true,
                    Optional.of(Duration.ofMillis(e.getRetryAfter())), e);
        }
        if (cause instanceof InsufficientPermissionException e) {
            return new PublishException("cannot " + what + ": the bot lacks the permission " + e.getPermission().getName(),
                    false, Optional.empty(), e);
        }
        return new PublishException("cannot " + what + ": " + cause, true, Optional.empty(), cause);
    }
}
