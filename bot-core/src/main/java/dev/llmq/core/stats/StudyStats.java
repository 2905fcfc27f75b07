package dev.llmq.core.stats;

import dev.llmq.core.bank.Question;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.Topic;
import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.ReviewEntry;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.StudiedCard;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a member's stats card shows, computed once and drawn as an image or written in words.
 *
 * @param today      the member's local date
 * @param zone       their zone, in which days and weeks are counted
 * @param topics     every topic of the bank, in its order, with the member's mastery of it
 * @param days       reviews per local day over the last {@link #WEEKS} weeks, oldest first; the first
 *                   is a Monday and the last is today (so the last week may be short)
 * @param due        cards due today or earlier
 * @param thisWeek   reviews since Monday 00:00 in their zone
 * @param reviewed   the questions they ever graded (still in the bank)
 * @param streak     their streak; empty unless they opted in
 */
public record StudyStats(LocalDate today, ZoneId zone, List<TopicMastery> topics, List<Integer> days, int due,
                         int thisWeek, int reviewed, Optional<Streak> streak) {
    /** How far back the activity heatmap goes. */
    public static final int WEEKS = 12;
    /** The recall probability at which a question counts as mastered. */
    public static final double MASTERED = 0.9;

    /**
     * One topic's bar.
     *
     * @param name      the topic's name in the card's language
     * @param mastered  the topic's questions that the member recalls today with probability ≥ 0.9
     * @param questions all of the topic's questions in the bank
     */
    public record TopicMastery(String id, String name, int mastered, int questions) {
        public TopicMastery {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            if (mastered < 0 || mastered > questions) {
                throw new IllegalArgumentException(mastered + " of " + questions);
            }
        }

        public double share() {
            return questions == 0 ? 0 : (double) mastered / questions;
        }
    }

    public StudyStats {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(zone, "zone");
        topics = List.copyOf(topics);
        days = List.copyOf(days);
        Objects.requireNonNull(streak, "streak");
    }

    /** The date of {@code days().get(0)}: a Monday. */
    public LocalDate firstDay() {
        return today.minusDays(days.size() - 1L);
    }

    /** All reviews over the heatmap's weeks. */
    public int reviewsShown() {
        return days.stream().mapToInt(Integer::intValue).sum();
    }

    /** The days with at least one review over the heatmap's weeks. */
    public int activeDays() {
        return (int) days.stream().filter(n -> n > 0).count();
    }

    /**
     * Computes the stats of a member.
     *
     * @param cards   their cards in the space
     * @param log     their review log in the space
     * @param streaks whether they opted in to streaks (else {@link #streak()} is empty)
     */
    public static StudyStats of(QuestionBank bank, Lang lang, Fsrs fsrs, Collection<StudiedCard> cards,
                                Collection<ReviewEntry> log, Instant now, ZoneId zone, boolean streaks) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Map<String, StudiedCard> byQuestion = cards.stream()
                .filter(c -> bank.question(c.questionId()).isPresent())
                .collect(Collectors.toMap(StudiedCard::questionId, Function.identity(), (a, b) -> a));
        List<TopicMastery> topics = new ArrayList<>();
        for (Topic t : bank.topics()) {
            List<Question> qs = bank.questionsOf(t.id());
            int mastered = (int) qs.stream().map(q -> byQuestion.get(q.id()))
                    .filter(c -> c != null && recall(fsrs, c, now) >= MASTERED).count();
            topics.add(new TopicMastery(t.id(), t.name(lang), mastered, qs.size()));
        }
        LocalDate first = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        int[] perDay = new int[(int) ChronoUnit.DAYS.between(first, today) + 1];
        Set<LocalDate> active = new HashSet<>();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int thisWeek = 0;
        for (ReviewEntry e : log) {
            LocalDate d = e.at().atZone(zone).toLocalDate();
            active.add(d);
            long i = ChronoUnit.DAYS.between(first, d);
            if (i >= 0 && i < perDay.length) {
                perDay[(int) i]++;
            }
            if (!d.isBefore(monday) && !d.isAfter(today)) {
                thisWeek++;
            }
        }
        int due = (int) byQuestion.values().stream()
                .filter(c -> !c.card().due().atZone(zone).toLocalDate().isAfter(today)).count();
        List<Integer> days = new ArrayList<>(perDay.length);
        for (int n : perDay) {
            days.add(n);
        }
        return new StudyStats(today, zone, topics, days, due, thisWeek, byQuestion.size(),
                streaks ? Optional.of(Streak.of(active, today)) : Optional.empty());
    }

    /** The probability that the member recalls the card's question now (0 for a card never reviewed). */
    static double recall(Fsrs fsrs, StudiedCard c, Instant now) {
        Optional<Instant> last = c.card().lastReview();
        if (last.isEmpty() || c.card().stability().isEmpty()) {
            return 0;
        }
        double days = Math.max(0, Duration.between(last.get(), now).toMillis() / 86_400_000.0);
        return fsrs.retrievability(days, c.card().stability().getAsDouble());
    }
}
