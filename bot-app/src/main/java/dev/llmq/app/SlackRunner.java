package dev.llmq.app;

import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.slack.SlackBot;
import dev.llmq.slack.SlackSettings;
import java.util.List;

/** Slack in {@code llmq run}: when SLACK_BOT_TOKEN and SLACK_APP_TOKEN (or their _FILE variants) are set. */
final class SlackRunner implements PlatformRunner {
    private final SlackBot bot;

    SlackRunner(SlackSettings settings) {
        this.bot = new SlackBot(settings);
    }

    @Override
    public String name() {
        return "Slack";
    }

    @Override
    public List<DailyPublisher> publishers() {
        return List.of(bot.publisher());
    }

    @Override
    public void start(Quizmaster quizmaster) throws Exception {
        bot.start(quizmaster);
    }

    @Override
    public String banner() {
        return "app manifest: slack/manifest.yml in the llmq repository (see README, Install on Slack)";
    }

    @Override
    public void close() {
        bot.close();
    }
}
