package dev.llmq.fakes;

import dev.llmq.discord.fake.FakeDiscordMain;
import dev.llmq.slack.fake.FakeSlackConsole;
import java.util.Arrays;

/**
 * {@code java -jar fakes/target/llmq-fakes.jar discord|slack}: the tests' fake Discord or fake
 * Slack on 127.0.0.1, for trying {@code ./llmq run} by hand. Each writes the variables that point
 * llmq at it to an env file ({@code fake-discord.env} or {@code fake-slack.env}); then, in another
 * terminal, {@code set -a; . ./fake-discord.env; set +a; ./llmq run}.
 */
public final class Fakes {
    private Fakes() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : new String[0];
        switch (which) {
            case "discord" -> FakeDiscordMain.main(rest);
            case "slack" -> FakeSlackConsole.main(rest);
            default -> {
                System.err.println("usage: llmq-fakes discord [TOKEN] [ENV_FILE]   (plays a short script against ./llmq run)");
                System.err.println("       llmq-fakes slack [ENV_FILE]             (reads /llmq <text>, button numbers, home, disconnect)");
                System.exit(2);
            }
        }
    }
}
