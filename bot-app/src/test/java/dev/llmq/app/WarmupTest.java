package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.HelpCard;
import dev.llmq.core.port.in.HintCard;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.in.TopicList;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.DeckStore;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.discord.DiscordBot;
import dev.llmq.discord.DiscordSettings;
import dev.llmq.slack.SlackBot;
import dev.llmq.slack.SlackSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up runs every kind of reply through each platform's real rendering, sends
 * nothing, and writes only the warm-up channel's deck; a failure in it never stops start-up.
 */
class WarmupTest {
    static final QuestionBank BANK = shippedBank();

    static QuestionBank shippedBank() {
        try {
            return BankLoader.load(List.of(Path.of("..", "questions.yaml")));
        } catch (dev.llmq.core.bank.BankException e) {
            throw new AssertionError(e);
        }
    }

    /** Records what it was asked to render; never connected. */
    static final class Recorder implements ChatPlatform {
        final List<Reply> rendered = new CopyOnWriteArrayList<>();
        final boolean fails;

        Recorder(boolean fails) {
            this.fails = fails;
        }

        @Override
        public void warmUp(Reply reply) {
            if (fails) {
                throw new IllegalStateException("a renderer that breaks");
            }
            rendered.add(reply);
        }

        @Override
        public String name() {
            return "Recorder";
        }

        @Override
        public DailyPublisher publisher() {
            throw new UnsupportedOperationException("the warm-up must not post");
        }

        @Override
        public void start(Interactions core) {
            throw new UnsupportedOperationException("the warm-up must not connect");
        }

        @Override
        public String describe() {
            return "recorder";
        }

        @Override
        public List<String> notes() {
            return List.of();
        }

        @Override
        public boolean ready() {
            return false;
        }

        @Override
        public CompletableFuture<String> stopped() {
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
        }
    }

    /** The decks, recording which channels were written. */
    static final class Decks implements DeckStore {
        final MemoryStore store = new MemoryStore();
        final Set<ChannelRef> written = new java.util.concurrent.CopyOnWriteArraySet<>();

        @Override
        public DeckState deck(ChannelRef channel) {
            return store.deck(channel);
        }

        @Override
        public boolean replaceDeck(ChannelRef channel, DeckState expected, DeckState next) {
            written.add(channel);
            return store.replaceDeck(channel, expected, next);
        }
    }

    @Test
    void everyKindOfReplyIsRenderedByTheRealAdaptersAndOnlyTheWarmUpDeckIsWritten() {
        Recorder last = new Recorder(false);
        Decks decks = new Decks();
        // the real renderers first: had one of them thrown, the recorder after it would miss replies
        List<ChatPlatform> platforms = List.of(
                new DiscordBot(new DiscordSettings("warm-up-token", Optional.empty(), Optional.empty(), Optional.empty())),
                new SlackBot(new SlackSettings("xoxb-warm-up", "xapp-warm-up", Optional.empty(), Set.of())),
                last);
        int rendered = Warmup.run(BANK, decks, platforms);

        assertEquals(rendered, last.rendered.size(), "every reply reached the last platform: no renderer threw");
        Set<Class<?>> kinds = last.rendered.stream().map(Object::getClass).collect(Collectors.toSet());
        for (Class<?> kind : List.of(QuestionCard.class, AnswerCard.class, HintCard.class, TopicList.class,
                HelpCard.class, Notice.class)) {
            assertTrue(kinds.contains(kind), "no " + kind.getSimpleName() + " in " + kinds);
        }
        assertTrue(last.rendered.stream().anyMatch(r -> r instanceof QuestionCard q && q.lang() == dev.llmq.core.i18n.Lang.ZH),
                "a Chinese question too");
        assertTrue(!decks.written.isEmpty(), "the draw's SQL is warmed too");
        assertEquals(Set.of(Warmup.NOWHERE), decks.written, "nothing but the warm-up channel's deck is written");
    }

    @Test
    void aFailingRendererIsLoggedAndStartUpGoesOn() {
        Recorder broken = new Recorder(true);
        assertEquals(0, Warmup.run(BANK, new Decks(), List.of(broken)), "nothing rendered, and nothing thrown");
    }
}
