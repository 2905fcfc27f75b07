package dev.llmq.core.testing;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.quiz.UserLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/** Shared test fixtures: the small fixture bank, a seeded quizmaster, origins. */
public final class Fixtures {
    public static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");

    private Fixtures() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/banks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource banks/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture bank: 3 topics (architecture, objectives, emergence), 7 questions. */
    public static QuestionBank fixtureBank() {
        try {
            return BankLoader.load(new BankLoader.Source("fixture.yaml", resource("fixture.yaml")));
        } catch (BankException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Quizmaster quizmaster(QuestionBank bank, long seed) {
        return new Quizmaster(() -> bank, Decks.seeded(seed, new MutableClock(EPOCH)), new LangPolicy(Optional.empty())).limitedBy(UserLimits.none());
    }

    public static Quizmaster quizmaster(long seed) {
        return quizmaster(fixtureBank(), seed);
    }

    public static Origin origin(String channel) {
        return new Origin("test", "space", channel, "user", null, Optional.empty(), false);
    }

    public static Origin origin(String channel, String locale, Lang spaceLang) {
        return new Origin("test", "space", channel, "user", locale, Optional.ofNullable(spaceLang), false);
    }

    public static Origin admin(String channel) {
        return new Origin("test", "space", channel, "admin", null, Optional.empty(), true);
    }
}
