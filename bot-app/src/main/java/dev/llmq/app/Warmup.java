package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.out.DeckStore;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.schedule.ChannelRef;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synthetic warm-up at start-up. The first interaction a JVM answers runs code that has never
 * run: the core's draw and cards, each platform's rendering and JSON, the deck's SQL. A study
 * group's traffic is sparse, so users meet that cold path often. This runs it once, before the
 * first user does: asks in both languages, every button of their cards, the topic list and the
 * help, rendered by each platform.
 *
 * <p>It never calls a platform. The asks go to a quizmaster of its own, with no progress, metrics
 * or rate limits, so no user's figures change. Its decks are in the store, so the draw's SQL is
 * warmed too: the store keeps one deck row for the channel {@code -} of the platform
 * {@code llmq-warm-up}, which no chat platform has.
 */
final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    /** The one channel the warm-up draws in: no chat platform is called {@code llmq-warm-up}. */
    static final ChannelRef NOWHERE = new ChannelRef("llmq-warm-up", "-", "-");

    private Warmup() {
    }

    /** Runs the warm-up; returns how many replies were rendered. A failure is logged and never stops start-up. */
    static int run(QuestionBank bank, DeckStore store, List<ChatPlatform> platforms) {
        long t0 = System.nanoTime();
        int replies = 0;
        try {
            Quizmaster quiz = new Quizmaster(() -> bank, new Decks(new SplittableRandom(), App.CLOCK,
                    Duration.ofMinutes(1), 10, Optional.of(store)), new LangPolicy(Optional.empty()))
                    .limitedBy(UserLimits.none());
            Origin origin = new Origin(NOWHERE.platform(), NOWHERE.space(), NOWHERE.channel(), "-", "en-US",
                    Optional.empty(), false);
            String topic = bank.topics().isEmpty() ? "" : bank.topics().get(0).id();
            for (String text : List.of(topic, topic + " lang:zh", topic + " public difficulty:1", "", "topics lang:zh", "help",
                    "no-such-topic")) {
                Reply reply = quiz.handle(origin, CommandParser.parse(text));
                replies += render(reply, platforms);
                for (Action a : reply.actions()) {
                    replies += render(quiz.press(origin, a.id()), platforms);
                }
            }
            log.debug("warm-up: {} replies rendered in {} ms", replies, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.debug("warm-up failed (start-up goes on): {}", e.toString(), e);
        }
        return replies;
    }

    private static int render(Reply reply, List<ChatPlatform> platforms) {
        for (ChatPlatform p : platforms) {
            p.warmUp(reply);
        }
        return 1;
    }
}
