package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The core as the platforms see it while llmq starts: the platforms connect while the store is
 * opened and migrated, so an interaction can arrive before the quizmaster exists.
 *
 * <p>Until then every command and press "waits on the store": the adapter acknowledges it at
 * once (Discord defers; Slack acks every envelope first anyway) and answers it off the event
 * thread, where {@link #handle} and {@link #press} wait for the quizmaster. If the store cannot be
 * opened, those calls fail and the adapters answer "something went wrong" (llmq is stopping by
 * then). Once the quizmaster is there, every call goes straight to it.
 */
final class StartingCore implements Interactions {
    /** How long an early interaction waits for the store; longer than any start-up that succeeds. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private final CompletableFuture<Interactions> core = new CompletableFuture<>();
    private final Supplier<QuestionBank> bank;
    private final LangPolicy langs;

    StartingCore(Supplier<QuestionBank> bank, LangPolicy langs) {
        this.bank = Objects.requireNonNull(bank);
        this.langs = Objects.requireNonNull(langs);
    }

    /** The quizmaster is ready: from now on every call goes to it. */
    void ready(Interactions quizmaster) {
        core.complete(Objects.requireNonNull(quizmaster));
    }

    /** The store could not be opened: the interactions that wait for it are answered as failed. */
    void failed(Throwable why) {
        core.completeExceptionally(why);
    }

    private Optional<Interactions> now() {
        return core.isDone() && !core.isCompletedExceptionally() ? Optional.of(core.join()) : Optional.empty();
    }

    /** Waits for the quizmaster; called only off the platform's event thread (see the class comment). */
    private Interactions await() {
        try {
            return core.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while llmq was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("llmq could not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("llmq is still starting after " + WAIT.toSeconds() + " s", e);
        }
    }

    @Override
    public Reply handle(Origin origin, Command command) {
        return await().handle(origin, command);
    }

    @Override
    public Reply press(Origin origin, String rawActionId) {
        return await().press(origin, rawActionId);
    }

    @Override
    public boolean waitsOnStore(Origin origin, Command command) {
        return now().map(c -> c.waitsOnStore(origin, command)).orElse(true);
    }

    @Override
    public boolean waitsOnStore(Origin origin, String rawActionId) {
        return now().map(c -> c.waitsOnStore(origin, rawActionId)).orElse(true);
    }

    @Override
    public Lang langFor(Origin origin, Optional<Lang> explicit) {
        // the quizmaster's choice is this same policy; it needs no store
        return now().map(c -> c.langFor(origin, explicit))
                .orElseGet(() -> langs.choose(explicit, origin.userLocale(), origin.spaceLang()));
    }

    @Override
    public QuestionBank bank() {
        return now().map(Interactions::bank).orElseGet(bank);
    }

    @Override
    public HelpCard help(Lang lang) {
        return now().orElseGet(this::await).help(lang);
    }
}
