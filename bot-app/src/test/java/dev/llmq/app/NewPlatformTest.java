package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.in.CommandParser;
import dev.llmq.core.port.in.Interactions;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.in.QuestionCard;
import dev.llmq.core.port.in.Reply;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A platform is one {@link ChatPlatform} and one line of wiring: a tiny in-test platform runs in
 * {@code llmq run}'s lifecycle (the same {@link Platforms#run} that Discord and Slack use), gets
 * questions and answers from the core, has its publisher used by the daily scheduler, shows in
 * the banner and in /readyz's checks, and is closed on stop.
 */
@Timeout(60)
class NewPlatformTest {
    /** The whole platform: it answers by calling the core, and posts daily questions into a list. */
    static final class Pigeon implements ChatPlatform {
        final CompletableFuture<Interactions> core = new CompletableFuture<>();
        final List<DailyPost> posts = new CopyOnWriteArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public String name() {
            return "Pigeon";
        }

        @Override
        public DailyPublisher publisher() {
            return new DailyPublisher() {
                @Override
                public String platform() {
                    return "pigeon";
                }

                @Override
                public Published postQuestion(DailyPost post) {
                    posts.add(post);
                    return new Published("msg-" + posts.size(), Optional.empty());
                }

                @Override
                public Optional<Published> find(DailyPost post) {
                    return Optional.empty(); // one process in this test: nothing is ever in doubt
                }

                @Override
                public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
                }
            };
        }

        @Override
        public void start(Interactions interactions) {
            core.complete(interactions);
        }

        @Override
        public String describe() {
            return "the loft";
        }

        @Override
        public List<String> notes() {
            return List.of("coo");
        }

        @Override
        public boolean ready() {
            return core.isDone() && !closed.get();
        }

        @Override
        public CompletableFuture<String> stopped() {
            return new CompletableFuture<>();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void aTinyPlatformRunsInTheSameLifecycleAsDiscordAndSlack() throws Exception {
        Map<String, String> env = Map.of("LLMQ_HTTP_PORT", "off",
                "LLMQ_DB_URL", "jdbc:sqlite:" + Files.createTempDirectory("llmq-pigeon").resolve("llmq.db"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(env, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Config config = main.config().orElseThrow();
        Pigeon pigeon = new Pigeon();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Platforms.run(main, config, List.of(pigeon)));

        Interactions core = pigeon.core.get(30, TimeUnit.SECONDS);
        Origin member = new Origin("pigeon", "loft", "perch", "u1", "en-US", Optional.empty(), false);
        Reply card = core.handle(member, CommandParser.parse("/llmq architecture"));
        assertTrue(card instanceof QuestionCard q && q.topicId().equals("architecture"), card.toString());

        Origin admin = new Origin("pigeon", "loft", "perch", "u2", "en-US", Optional.empty(), true);
        core.handle(admin, CommandParser.parse("/llmq daily now"));
        assertEquals(1, pigeon.posts.size(), "the daily scheduler posts through the platform's publisher");
        assertEquals("perch", pigeon.posts.get(0).channel().channel());

        main.stop.complete(null);
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        assertTrue(pigeon.closed.get(), "closed on stop");
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("llmq: Pigeon: connected as the loft\n"), printed);
        assertTrue(printed.contains("llmq: Pigeon: coo\n"), printed);
        assertTrue(printed.contains("llmq: Pigeon started; stop with Ctrl-C."), printed);
    }
}
