package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.port.in.AnswerCard;
import dev.llmq.core.port.out.DailyPost;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.PublishException;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import dev.llmq.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A process for {@link GracefulStopTest}: the real App and ShutdownHook, 20 daily posts due at
 * once, and a platform that takes 1.5 s per post. It prints "posting c" and "posted c" around
 * each post, and waits for SIGTERM.
 */
public final class SigtermProbe {
    static final int CHANNELS = 20;

    private SigtermProbe() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnv(Map.of("LLMQ_DB_URL", args[0], "LLMQ_HTTP_PORT", "off"));
        QuestionBank bank = Fixtures.fixtureBank();
        DailyPublisher slow = new DailyPublisher() {
            @Override
            public String platform() {
                return "probe";
            }

            @Override
            public Published postQuestion(DailyPost post) throws PublishException {
                String ch = post.channel().channel();
                System.out.println("posting " + ch);
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    System.out.println("interrupted " + ch);
                    throw new PublishException("interrupted", true, Optional.empty(), e);
                }
                System.out.println("posted " + ch);
                return new Published("m-" + ch, Optional.empty());
            }

            @Override
            public java.util.Optional<dev.llmq.core.port.out.Published> find(dev.llmq.core.port.out.DailyPost post) {
                return java.util.Optional.empty();
            }

            @Override
            public void postAnswer(ChannelRef channel, Published where, AnswerCard answer) {
            }
        };
        App app = App.open(config, new BankLocation(List.of()), bank, List.of(slow), Optional.empty());
        Instant due = Instant.now().minusSeconds(60);
        for (int i = 0; i < CHANNELS; i++) {
            app.daily.store().putSchedule(new Schedule(new ChannelRef("probe", "space", "c" + i), LocalTime.of(9, 0),
                    ZoneId.of("UTC"), Schedule.EVERY_DAY, List.of(), Optional.empty(), false, Optional.empty(), "admin"), due);
        }
        CompletableFuture<Void> stop = new CompletableFuture<>();
        ShutdownHook hook = new ShutdownHook(stop, Duration.ofSeconds(30));
        app.startScheduler();
        stop.join();
        System.out.println("stopping");
        app.stopScheduler();
        app.close();
        System.out.println("stopped");
        hook.close();
    }
}
