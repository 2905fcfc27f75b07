package dev.llmq.core.daily;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.ClaimPlanner;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.NewPost;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.quiz.DeckDraw;
import dev.llmq.core.schedule.FireTimes;
import dev.llmq.core.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, inside the store's claim transaction, what a due schedule posts: skips what is older
 * than the catch-up window, draws a question the channel has not had this round, and names the
 * next fire time.
 */
final class PostPlanner {
    /** The question id of a reminder's row in the ledger (it has none). */
    static final String REMINDER = "reminder";
    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);

    private final Supplier<QuestionBank> bank;
    private final Lang defaultLang;
    private final DailyScheduler.Settings settings;
    private final RandomGenerator random;

    PostPlanner(Supplier<QuestionBank> bank, Lang defaultLang, DailyScheduler.Settings settings, RandomGenerator random) {
        this.bank = bank;
        this.defaultLang = defaultLang;
        this.settings = settings;
        this.random = random;
    }

    ClaimPlanner.Plan plan(StoredSchedule due, DeckState deck, Instant now, TickCounters c) {
        Schedule s = due.schedule();
        try {
            Instant fire = due.nextFireAt();
            Instant oldest = now.minus(settings.catchUp());
            if (fire.isBefore(oldest)) {
                Instant resumed = FireTimes.next(s, oldest.minusNanos(1));
                log.warn("daily {}: skipped the post(s) due from {} to {} (older than the catch-up window of {})",
                        s.channel(), fire.atZone(s.zone()), oldest.atZone(s.zone()), settings.catchUp());
                c.skipped.incrementAndGet();
                fire = resumed;
            }
            if (fire.isAfter(now)) {
                return new ClaimPlanner.Plan(fire, Optional.empty());
            }
            Instant next = FireTimes.next(s, fire);
            LocalDate date = FireTimes.localDate(s, fire);
            Lang lang = s.lang().or(due::spaceLang).orElse(defaultLang);
            if (s.channel().isMember()) { // a reminder: the same ledger, no question
                return new ClaimPlanner.Plan(next, Optional.of(new NewPost(date, fire, REMINDER, lang, false,
                        Optional.empty(), deck)));
            }
            Optional<Draw> draw = draw(pool(s), deck);
            if (draw.isEmpty()) {
                log.error("daily {}: no questions for topics {}; nothing posted for {}", s.channel(), s.topics(), date);
                c.failed.incrementAndGet();
                return new ClaimPlanner.Plan(next, Optional.empty());
            }
            return new ClaimPlanner.Plan(next, Optional.of(new NewPost(date, fire, draw.get().questionId(), lang,
                    s.thread(), s.revealAfter(), draw.get().deckAfter())));
        } catch (RuntimeException e) {
            // A schedule that cannot be planned must not block the others: look at it again in a day.
            log.error("daily {}: cannot plan the next post: {}", s.channel(), e.toString(), e);
            return new ClaimPlanner.Plan(now.plus(Duration.ofDays(1)), Optional.empty());
        }
    }

    List<Question> pool(Schedule s) {
        QuestionBank b = bank.get();
        if (s.topics().isEmpty()) {
            return b.questions();
        }
        List<Question> pool = new ArrayList<>();
        for (String t : s.topics()) {
            pool.addAll(b.questionsOf(t));
        }
        return pool;
    }

    /** A drawn question and the channel's history after it. */
    record Draw(String questionId, DeckState deckAfter) {
    }

    /**
     * Draws a question the channel has not had in this round (the same deck as the channel's asks:
     * {@link DeckDraw}); when every question of the pool was asked, a new round starts (never with
     * the question asked last).
     */
    Optional<Draw> draw(List<Question> pool, DeckState deck) {
        return DeckDraw.draw(pool, deck, random).map(d -> new Draw(d.question().id(), d.after()));
    }
}
