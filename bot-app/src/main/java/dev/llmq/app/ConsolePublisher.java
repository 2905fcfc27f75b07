package dev.llmq.app;

import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.port.in.Action;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Posts daily questions to the terminal, so the scheduler can be tried without a chat platform. */
final class ConsolePublisher implements DailyPublisher {
    static final String PLATFORM = "console";

    private final ConsoleLines out;
    private final Consumer<List<Action>> buttons;
    private final AtomicInteger posts = new AtomicInteger();

    /** @param buttons told the buttons of each daily post, so that typing a number presses them */
    ConsolePublisher(ConsoleLines out, Consumer<List<Action>> buttons) {
        this.out = out;
        this.buttons = buttons;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** One process owns the terminal, and a lease there runs out only when it has stopped: nothing to find. */
    @Override
    public Optional<Published> find(DailyPost post) {
        return Optional.empty();
    }

    @Override
    public Published postQuestion(DailyPost post) {
        int n = posts.incrementAndGet();
        buttons.accept(post.question().actions());
        out.print("[#" + post.channel().channel() + "] "
                + Msg.DAILY_TITLE_POST.text(post.question().lang(), post.localDate()) + "\n"
                + ConsoleRenderer.render(post.question()));
        return new Published("post-" + n, post.openThread() ? Optional.of("thread-" + n) : Optional.empty());
    }

    /** The terminal's one person gets their reminder in it (its button is the text command). */
    @Override
    public Published postReminder(ChannelRef member, Notice nudge) {
        int n = posts.incrementAndGet();
        out.print("[" + member.channel() + "] " + nudge.text() + " · /llmq review\n");
        return new Published("reminder-" + n, Optional.empty());
    }

    @Override
    public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
        buttons.accept(answer.actions());
        out.print("[#" + channel.channel() + " › " + where.threadRef().orElse(where.messageRef()) + "] "
                + Msg.DAILY_ANSWER_IN_THREAD.text(answer.lang()) + "\n" + ConsoleRenderer.render(answer));
    }
}
