package dev.llmq.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import dev.llmq.core.testing.Fixtures;
import dev.llmq.core.testing.GatedStore;
import dev.llmq.core.testing.MemoryDaily;
import dev.llmq.core.testing.MemoryStore;
import dev.llmq.core.testing.MutableClock;
import dev.llmq.slack.fake.FakeSlack;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Bolt against the fake Slack, with a store that does not answer and a users.info that
 * does not answer until the test lets them: every envelope is still acked, and two admins who set
 * the daily question at the same moment are both accepted once users.info answers. (A pool of two
 * threads that loaded users.info on itself once refused both, after 10 s.) Order is asserted, not
 * time: the acks arrive while the store and users.info are still held.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlackSlowStoreTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String ADA = "U0ADA";
    static final String BEA = "U0BEA";
    static final String ALICE = "U0ALICE";

    @Test
    void aStoreAndAUsersInfoThatHangHoldNoAckAndTwoAdminsAreBothAccepted() throws Exception {
        QuestionBank bank = Fixtures.fixtureBank();
        MutableClock clock = new MutableClock(Fixtures.EPOCH);
        GatedStore slow = new GatedStore(new MemoryStore());
        try (FakeSlack fake = new FakeSlack("xoxb-slow", "xapp-slow").user(ADA, true, false, "en-US")
                .user(BEA, true, false, "en-US").user(ALICE, false, false, "en-US");
             SlackBot bot = new SlackBot(new SlackSettings("xoxb-slow", "xapp-slow", Optional.of(fake.apiUrl()), Set.of()));
             MemoryDaily daily = new MemoryDaily(slow.store, () -> bank, clock, List.of(bot.publisher()))) {
            Decks decks = Decks.seeded(5, clock);
            bot.start(new Quizmaster(() -> bank, decks, new LangPolicy(Optional.empty()), Optional.of(daily.desk),
                    Optional.of(slow.store), clock).limitedBy(UserLimits.none()));
            fake.awaitConnections(1, WAIT);
            fake.holdUsersInfo();

            String question = bank.questions().get(0).id();
            List<CompletableFuture<FakeSlack.Ack>> envelopes = List.of(
                    fake.slashCommand(ADA, "C0ONE", "daily set 09:00 UTC"),
                    fake.slashCommand(BEA, "C0TWO", "daily set 10:00 UTC"),
                    fake.slashCommand(ALICE, "C0ASK", "architecture"),
                    fake.press(ALICE, "C0ASK", "1700000000.000001", "llmq-reveal", "reveal:" + question + ":en"));
            for (CompletableFuture<FakeSlack.Ack> e : envelopes) {
                FakeSlack.Ack ack = e.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertTrue(ack.payload().isEmpty(), "acked at once, empty: " + ack.raw());
            }
            // Every envelope was acked while users.info and the store were both still held.

            fake.releaseUsersInfo();
            // The ask needs no store: it is answered now. The daily sets and the reveal wait for the store.
            fake.awaitCall(FakeSlack.RESPOND, c -> c.blocks().contains("llmq-reveal"), WAIT);
            assertTrue(slow.waited.get() >= 1, "the store was reached and kept waiting");
            slow.open();

            String set = Msg.DAILY_SET.text(Lang.EN);
            List<FakeSlack.Call> accepted = fake.awaitCalls(FakeSlack.RESPOND, c -> c.blocks().contains(set), 2, WAIT);
            assertEquals(2, accepted.size(), "both admins were accepted");
            assertTrue(fake.calls(FakeSlack.RESPOND).stream().noneMatch(c -> c.blocks().contains(Msg.ADMIN_ONLY_WORKSPACE.text(Lang.EN))),
                    "nobody was refused as a non-admin");
            String answer = bank.question(question).orElseThrow().answer().get(Lang.EN);
            fake.awaitCall(FakeSlack.RESPOND, c -> c.blocks().contains(Mrkdwn.escape(answer)), WAIT);
        }
    }
}
