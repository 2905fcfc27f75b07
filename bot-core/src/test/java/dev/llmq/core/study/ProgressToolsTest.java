package dev.llmq.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.FsrsParameters;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.Action;
import dev.llmq.core.port.in.ActionKind;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.FileReply;
import dev.llmq.core.port.in.LeaderboardCard;
import dev.llmq.core.port.in.Notice;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.settings.Preferences;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Stats, streaks, the leaderboard and the export through the quizmaster, as members meet them. */
class ProgressToolsTest {
    static final Instant TUESDAY_NOON = Instant.parse("2026-12-01T12:00:00Z");
    final QuestionBank bank = Fixtures.fixtureBank();
    final MutableClock clock = new MutableClock(TUESDAY_NOON);
    final MemoryStore store = new MemoryStore();
    final Preferences prefs = new Preferences(store, store, Duration.ofMinutes(1));
    final StoredStudyDesk desk = new StoredStudyDesk(() -> bank, new Study(store, new Fsrs(FsrsParameters.defaults()),
            new SplittableRandom(11)), store, store, prefs, store, clock);
    final Quizmaster qm = new Quizmaster(() -> bank, Decks.seeded(7, clock), new LangPolicy(Optional.empty()),
            Optional.empty(), Optional.of(store), clock).limitedBy(UserLimits.none()).studiedWith(desk, prefs);

    static Origin member(String user) {
        return new Origin("test", "space", "c1", user, "en-US", Optional.empty(), false);
    }

    final Origin ann = member("ann");
    final Origin bob = member("bob");

    Reply say(Origin who, String text) {
        return qm.handle(who, CommandParser.parse(text));
    }

    static String button(Reply r, ActionKind kind, int nth) {
        return r.actions().stream().filter(a -> a.kind() == kind).skip(nth).findFirst().map(Action::id).orElseThrow(
                () -> new AssertionError("no " + kind + " #" + nth + " in " + r.actions()));
    }

    /** Asks a question on {@code topic}, reveals it and grades it (1 Again to 4 Easy); returns its id. */
    String study(Origin who, String topic, int grade) {
        QuestionCard q = assertInstanceOf(QuestionCard.class, say(who, "/llmq " + topic));
        AnswerCard a = assertInstanceOf(AnswerCard.class, qm.press(who, button(q, ActionKind.REVEAL, 0)));
        assertInstanceOf(Notice.class, qm.press(who, button(a, ActionKind.GRADE, grade - 1)));
        return q.questionId();
    }

    @Test
    void statsIsAPrivatePngWithAShareButtonAndShareIsForTheChannel() {
        study(ann, "architecture", 3);
        FileReply mine = assertInstanceOf(FileReply.class, say(ann, "/llmq stats"));
        assertTrue(mine.ephemeral());
        assertEquals("image/png", mine.file().mediaType());
        assertEquals("llmq-stats-2026-12-01.png", mine.file().fileName());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(mine.file().bytes(), 4));
        assertEquals("Your study card: 0 due today · 1 reviews this week.", mine.caption());
        String share = button(mine, ActionKind.SHARE, 0);
        assertEquals("share:stats:en", share);
        FileReply shared = assertInstanceOf(FileReply.class, qm.press(ann, share));
        assertFalse(shared.ephemeral(), "shared to the channel");
        assertEquals(List.of(), shared.actions());
        assertEquals("A study card from /llmq stats: 1 reviews this week.", shared.caption());
    }

    /** Where the image cannot be drawn (no Java2D, no font support), the card comes in words, with Share. */
    @Test
    void aCardThatCannotBeDrawnIsAnsweredInWords() {
        study(ann, "architecture", 3);
        desk.paintingWith((stats, lang) -> {
            throw new dev.llmq.core.stats.StatsImage.CannotDraw(new java.awt.AWTError("no fonts here"));
        });
        Notice words = assertInstanceOf(Notice.class, say(ann, "/llmq stats"));
        assertTrue(words.ephemeral());
        assertTrue(words.text().startsWith("Your study card, in words (the image could not be drawn here):\n"
                + "2026-12-01 · UTC\nYour study card: 0 due today · 1 reviews this week.\n"
                + "Reviews, last 12 weeks: 1 reviews on 1 days\nMastery by topic (recall ≥ 90% today)\n"), words.text());
        assertTrue(words.text().contains(" Architectures: 1 of "), words.text());
        assertEquals("share:stats:en", button(words, ActionKind.SHARE, 0));
    }

    @Test
    void aMemberWhoDidNotOptInSeesNoStreak() {
        study(ann, "architecture", 3);
        FileReply before = assertInstanceOf(FileReply.class, say(ann, "/llmq stats"));
        assertFalse(before.caption().contains("Streak"), before.caption());
        say(ann, "/llmq settings streaks:on");
        clock.advance(Duration.ofDays(1));
        study(ann, "architecture", 3);
        FileReply after = assertInstanceOf(FileReply.class, say(ann, "/llmq stats"));
        assertTrue(after.caption().endsWith("Streak: 2 days (longest 2)."), after.caption());
    }

    @Test
    void theLeaderboardShowsOnlyMembersWhoOptedIn() {
        say(ann, "/llmq settings leaderboard:on");
        study(ann, "architecture", 3);
        study(ann, "architecture", 1);
        study(bob, "architecture", 4);
        study(bob, "architecture", 4);
        study(bob, "architecture", 4); // bob studies more, but did not opt in
        LeaderboardCard board = assertInstanceOf(LeaderboardCard.class, say(bob, "/llmq leaderboard"));
        assertEquals(List.of(new LeaderboardCard.Row(1, "ann", 2, 1)), board.rows());
        assertEquals("Leaderboard · week of 2026-11-30", board.title());
        assertTrue(board.footer().contains("You are not on it"), board.footer());
        assertTrue(board.ephemeral());
        LeaderboardCard annSees = assertInstanceOf(LeaderboardCard.class, say(ann, "/llmq leaderboard"));
        assertFalse(annSees.footer().contains("You are not on it"), annSees.footer());
    }

    @Test
    void theWeekIsTheServersAndResetsOnMonday() {
        say(ann, "/llmq settings leaderboard:on");
        study(ann, "architecture", 3);
        clock.set(Instant.parse("2026-12-06T23:00:00Z")); // Sunday 23:00 UTC is Monday 07:00 in Shanghai
        assertEquals(1, ((LeaderboardCard) say(ann, "/llmq leaderboard")).rows().size());
        Notice refused = assertInstanceOf(Notice.class, say(ann, "/llmq settings server zone:Asia/Shanghai"));
        assertTrue(refused.text().contains("admins"), refused.text());
        Origin admin = new Origin("test", "space", "c1", "root", "en-US", Optional.empty(), true);
        say(admin, "/llmq settings server zone:Asia/Shanghai");
        LeaderboardCard board = assertInstanceOf(LeaderboardCard.class, say(ann, "/llmq leaderboard"));
        assertEquals(List.of(), board.rows(), "a new week in Shanghai");
        assertEquals("Leaderboard · week of 2026-12-07", board.title());
        assertTrue(board.footer().contains("(Asia/Shanghai)"), board.footer());
    }

    @Test
    void exportMissesHoldsTheQuestionsLastGradedAgainOrHard() {
        String missed = study(ann, "architecture", 1);
        String known = study(ann, "architecture", 4);
        FileReply file = assertInstanceOf(FileReply.class, say(ann, "/llmq export"));
        assertEquals("llmq-misses-2026-12-01.txt", file.file().fileName());
        String text = new String(file.file().bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join("\n", AnkiExport.HEADER) + "\n"), text);
        assertTrue(text.contains("\tllmq-" + missed + "\t"), text);
        assertFalse(text.contains("llmq-" + known), "a question last graded Easy is not a miss");
        String all = new String(((FileReply) say(ann, "/llmq export all")).file().bytes(), StandardCharsets.UTF_8);
        assertEquals(AnkiExport.HEADER.size() + 2, all.lines().count());
        FileReply csv = assertInstanceOf(FileReply.class, say(ann, "/llmq export all csv"));
        assertEquals("text/csv; charset=utf-8", csv.file().mediaType());
        assertTrue(new String(csv.file().bytes(), StandardCharsets.UTF_8).startsWith("\"deck\",\"guid\""));
    }

    @Test
    void exportSaysSoWhenThereIsNothingToExport() {
        assertEquals("Nothing to export yet: grade an answer (Again, Hard, Good or Easy) first.",
                assertInstanceOf(Notice.class, say(ann, "/llmq export")).text());
        study(ann, "architecture", 3);
        assertTrue(assertInstanceOf(Notice.class, say(ann, "/llmq export")).text().startsWith("No misses to export"));
    }
}
