package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.MemoryDailyDesk;
import dev.llmq.core.engine.Decks;
import dev.llmq.core.engine.Quizmaster;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.discord.DiscordBot;
import dev.llmq.discord.DiscordSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the Discord bot when {@code DISCORD_TOKEN} or {@code DISCORD_TOKEN_FILE} is set. Daily
 * schedules live in a {@link MemoryDailyDesk} for now ({@code /llmq-daily now} posts at once);
 * the persistent scheduler replaces it behind the same DailyDesk and DailyPublisher interfaces.
 */
final class DiscordRunner implements PlatformRunner {
    /** Longer than JDA's 75 s wait for a server that does not load, so that JDA reports it first. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public String name() {
        return "Discord";
    }

    @Override
    public boolean configured(Map<String, String> env) {
        return DiscordSettings.configured(env);
    }

    @Override
    public Running start(Main main, QuestionBank bank) throws Exception {
        DiscordSettings settings = DiscordSettings.fromEnv(main.env);
        Optional<Lang> defaultLang = main.explicitLang().or(main::configuredDefaultLang);
        Clock clock = Clock.systemUTC();
        DiscordBot bot = DiscordBot.start(settings, publisher -> {
            Decks decks = new Decks(new SecureRandom(), clock, Duration.ofDays(30), 100_000);
            MemoryDailyDesk desk = new MemoryDailyDesk(() -> bank, decks, clock, List.of(publisher));
            return new Quizmaster(() -> bank, decks, new LangPolicy(defaultLang), Optional.of(desk));
        }, READY_TIMEOUT);
        return new Running() {
            @Override
            public String describe() {
                return bot.describe();
            }

            @Override
            public CompletableFuture<String> stopped() {
                return bot.stopped();
            }

            @Override
            public void close() {
                bot.close();
            }
        };
    }
}
