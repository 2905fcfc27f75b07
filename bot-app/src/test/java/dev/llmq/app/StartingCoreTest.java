package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.Command;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The core as the platforms see it while the store is still opening: every interaction is
 * acknowledged first (it "waits on the store") and answered once the quizmaster is there; a store
 * that fails answers them as failed; what needs no store is answered at once.
 */
@Timeout(30)
class StartingCoreTest {
    final QuestionBank bank = Fixtures.fixtureBank();
    final Origin member = new Origin("discord", "g1", "c1", "u1", "zh-CN", Optional.empty(), false);
    final Command ask = CommandParser.parse("");

    @Test
    void beforeTheQuizmasterIsReadyEveryInteractionIsDeferredAndAnsweredOnceItIs() throws Exception {
        StartingCore core = new StartingCore(() -> bank, new LangPolicy(Optional.empty()));
        assertTrue(core.waitsOnStore(member, ask), "an ask must be deferred while the store opens");
        assertTrue(core.waitsOnStore(member, CommandParser.parse("help")), "even help: it is answered by the quizmaster");
        assertTrue(core.waitsOnStore(member, "reveal:q1:en"));

        CompletableFuture<Reply> early = CompletableFuture.supplyAsync(() -> core.handle(member, ask));
        Thread.sleep(200);
        assertFalse(early.isDone(), "it waits for the quizmaster");
        Quizmaster quizmaster = Fixtures.quizmaster(bank, 1);
        core.ready(quizmaster);
        assertInstanceOf(QuestionCard.class, early.get(10, TimeUnit.SECONDS));
        assertEquals(quizmaster.waitsOnStore(member, ask), core.waitsOnStore(member, ask), "then it is the quizmaster's answer");
        assertSame(quizmaster.bank(), core.bank());
    }

    @Test
    void whenTheStoreCannotOpenTheWaitingInteractionsFailAndAreAnsweredAsSuch() {
        StartingCore core = new StartingCore(() -> bank, new LangPolicy(Optional.empty()));
        CompletableFuture<Reply> early = CompletableFuture.supplyAsync(() -> core.handle(member, ask));
        core.failed(new IllegalStateException("LLMQ_DB_URL: cannot open"));
        Exception e = assertThrows(Exception.class, () -> early.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("cannot open"), e.getCause().getMessage());
        assertTrue(core.waitsOnStore(member, ask), "still deferred, so the adapter answers the failure off its event thread");
    }

    @Test
    void whatNeedsNoStoreIsAnsweredAtOnce() {
        QuestionBank none = new QuestionBank(List.of(), List.of(), List.of());
        StartingCore core = new StartingCore(() -> none, new LangPolicy(Optional.of(Lang.EN)));
        assertEquals(Lang.ZH, core.langFor(member, Optional.empty()), "the user's locale, as the quizmaster would");
        assertEquals(Lang.EN, core.langFor(member, Optional.of(Lang.EN)));
        assertSame(none, core.bank(), "autocomplete sees the bank loaded so far");
    }
}
