package dev.llmq.slack.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fake Slack by hand, to try {@code llmq run} without a workspace: starts the fake, writes
 * {@code SLACK_BOT_TOKEN}, {@code SLACK_APP_TOKEN} and {@code SLACK_API_URL} to an env file
 * (the argument; default {@code fake-slack.env}), then reads lines from stdin:
 * <ul>
 *   <li>{@code /llmq <text>}: the slash command, from user U0YOU (a workspace admin) in #C0GENERAL;</li>
 *   <li>a number: presses that button of the last message;</li>
 *   <li>{@code home}: opens the App Home; {@code disconnect}: Slack's refresh_requested.</li>
 * </ul>
 * Prints each ack and every Web API / response_url call the bot makes.
 */
public final class FakeSlackConsole {
    private FakeSlackConsole() {
    }

    public static void main(String[] args) throws Exception {
        String bot = "xoxb-fake-" + Long.toHexString(System.nanoTime());
        String app = "xapp-fake-" + Long.toHexString(System.nanoTime());
        Path envFile = Path.of(args.length > 0 ? args[0] : "fake-slack.env");
        try (FakeSlack fake = new FakeSlack(bot, app)) {
            fake.user("U0YOU", true, false, "en-US").member("U0YOU", "C0GENERAL");
            Files.writeString(envFile, String.join("\n", "SLACK_BOT_TOKEN=" + bot, "SLACK_APP_TOKEN=" + app,
                    "SLACK_API_URL=" + fake.apiUrl(), ""));
            System.out.println("fake Slack: SLACK_API_URL=" + fake.apiUrl() + "; settings in " + envFile
                    + "; waiting for the bot (set -a; . " + envFile + "; set +a; ./llmq run)...");
            fake.awaitConnections(1, Duration.ofSeconds(120));
            System.out.println("fake Slack: the bot is connected");
            List<String> buttons = new ArrayList<>();
            String lastTs = "1700000000.000001";
            int seen = fake.calls().size();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                System.out.println("> " + line);
                fake.awaitConnections(1, Duration.ofSeconds(30));
                FakeSlack.Ack ack;
                if (line.startsWith("/llmq")) {
                    ack = fake.slashCommand("U0YOU", "C0GENERAL", line.substring(5).strip()).get(30, TimeUnit.SECONDS);
                } else if (line.matches("[0-9]+") && Integer.parseInt(line) <= buttons.size()) {
                    String[] b = buttons.get(Integer.parseInt(line) - 1).split("=", 2);
                    ack = fake.press("U0YOU", "C0GENERAL", lastTs, b[0], b[1]).get(30, TimeUnit.SECONDS);
                } else if (line.equals("home")) {
                    ack = fake.appHomeOpened("U0YOU").get(30, TimeUnit.SECONDS);
                } else if (line.equals("disconnect")) {
                    int opened = fake.connectionsOpened();
                    fake.disconnect("refresh_requested");
                    fake.awaitConnections(opened + 1, Duration.ofSeconds(30));
                    System.out.println("  reconnected (" + fake.connectionsOpened() + " connections so far)");
                    continue;
                } else {
                    System.out.println("  ? /llmq <text>, a button number, home, disconnect");
                    continue;
                }
                ack.payload().ifPresentOrElse(p -> {
                    System.out.println("  ack " + p.get("response_type") + ":");
                    show(p.get("blocks"), buttons);
                }, () -> System.out.println("  ack (empty)"));
                Thread.sleep(1500);
                List<FakeSlack.Call> calls = fake.calls();
                for (FakeSlack.Call c : calls.subList(seen, calls.size())) {
                    if (c.method().equals("auth.test") || c.method().equals("users.info")) {
                        continue;
                    }
                    System.out.println("  " + c.method() + " " + describe(c));
                    JsonElement blocks = c.params().containsKey("view")
                            ? c.json("view").getAsJsonObject().get("blocks") : c.json("blocks");
                    show(blocks, buttons);
                }
                seen = calls.size();
            }
        }
    }

    private static String describe(FakeSlack.Call c) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("channel", "thread_ts", "response_type", "user_id")) {
            if (c.params().get(k) != null) {
                b.append(k).append('=').append(c.params().get(k)).append(' ');
            }
        }
        return b.toString().strip();
    }

    private static void show(JsonElement blocks, List<String> buttons) {
        if (blocks == null || !blocks.isJsonArray()) {
            return;
        }
        Map<String, String> found = FakeSlack.buttons(blocks);
        for (JsonElement e : blocks.getAsJsonArray()) {
            JsonObject block = e.getAsJsonObject();
            if (block.has("text") && block.get("text").isJsonObject()) {
                System.out.println("    " + block.getAsJsonObject("text").get("text").getAsString().replace("\n", "\n    "));
            }
            if (block.has("elements") && "context".equals(block.get("type").getAsString())) {
                for (JsonElement el : block.getAsJsonArray("elements")) {
                    System.out.println("    (" + el.getAsJsonObject().get("text").getAsString() + ")");
                }
            }
        }
        if (!found.isEmpty()) {
            buttons.clear();
            int i = 1;
            StringBuilder line = new StringBuilder("   ");
            for (JsonElement e : blocks.getAsJsonArray()) {
                JsonObject block = e.getAsJsonObject();
                if ("actions".equals(block.get("type").getAsString())) {
                    for (JsonElement el : block.getAsJsonArray("elements")) {
                        JsonObject o = el.getAsJsonObject();
                        buttons.add(o.get("action_id").getAsString() + "=" + o.get("value").getAsString());
                        line.append(" [").append(i++).append("] ").append(o.getAsJsonObject("text").get("text").getAsString())
                                .append(" (").append(o.get("value").getAsString()).append(")");
                    }
                }
            }
            System.out.println(line);
        }
    }
}
