package dev.llmq.discord.fake;

import static dev.llmq.discord.fake.FakeDiscord.opt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Runs the fake Discord on its own, to try {@code ./llmq run} (the real jar) against it:
 *
 * <pre>
 * java -cp ... dev.llmq.discord.fake.FakeDiscordMain TOKEN ENV_FILE
 * set -a; . ENV_FILE; set +a; ./llmq run
 * </pre>
 *
 * It writes DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GATEWAY_URL and DISCORD_GUILD_ID to ENV_FILE,
 * waits for the bot to register its commands, then plays the acceptance script: {@code /llmq
 * topic:architecture}, Reveal on that question, and an unknown topic. It prints what the bot
 * answered and exits 0 when every step was answered as expected.
 */
public final class FakeDiscordMain {
    private FakeDiscordMain() {
    }

    public static void main(String[] args) throws Exception {
        String token = args.length > 0 ? args[0] : "fake-token-" + Long.toHexString(Snowflakes.next());
        Path envFile = Path.of(args.length > 1 ? args[1] : "fake-discord.env");
        Duration wait = Duration.ofSeconds(120);
        int failures = 0;
        try (FakeDiscord fake = new FakeDiscord(token)) {
            Files.writeString(envFile, String.join("\n",
                    "DISCORD_TOKEN=" + token,
                    "DISCORD_API_URL=" + fake.apiUrl(),
                    "DISCORD_GATEWAY_URL=" + fake.gatewayUrl(),
                    "DISCORD_GUILD_ID=" + fake.guild(), ""));
            System.out.println("fake Discord: REST " + fake.apiUrl() + ", gateway " + fake.gatewayUrl()
                    + "; settings in " + envFile + "; waiting for the bot...");
            FakeDiscord.Req put = fake.awaitRequest(r -> r.method().equals("PUT"), wait);
            DataArray commands = put.jsonArray();
            StringBuilder names = new StringBuilder();
            for (int i = 0; i < commands.length(); i++) {
                names.append(" /").append(commands.getObject(i).getString("name"));
            }
            System.out.println("1. registered in " + put.path() + ":" + names);
            failures += check(names.toString().contains("/llmq "), "llmq is registered");

            FakeDiscord.Interaction ask = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "architecture"));
            DataObject card = ask.reply(wait); // deferred when the deck is in the store
            DataObject embed = card.getArray("embeds").getObject(0);
            List<String> buttons = FakeDiscord.buttonIds(ask.message());
            System.out.println("2. /llmq topic:architecture -> [" + embed.getString("title") + "] "
                    + embed.getString("description") + " (" + embed.getObject("footer").getString("text") + ") buttons "
                    + buttons);
            failures += check(embed.getString("title").startsWith("Architecture"), "an architecture question");
            failures += check(buttons.get(0).startsWith("reveal:" + embed.getObject("footer").getString("text") + ":"),
                    "its first button reveals that question");

            DataObject answer = fake.button(fake.member, ask.message(), buttons.get(0)).reply(wait);
            DataObject a = answer.getArray("embeds").getObject(0);
            System.out.println("3. Reveal -> ephemeral=" + ((answer.getInt("flags") & 64) != 0) + " [" + a.getString("title")
                    + "] " + a.getString("description").replace('\n', ' ') + " (" + a.getObject("footer").getString("text") + ")");
            failures += check(a.getObject("footer").getString("text").endsWith(embed.getObject("footer").getString("text")),
                    "the answer is that question's");

            DataObject unknown = fake.slash(fake.member, fake.general, "llmq", opt("topic", 3, "cooking")).reply(wait);
            System.out.println("4. /llmq topic:cooking -> " + unknown.getString("content"));
            failures += check(unknown.getString("content").contains("Topics: "), "the real topics are listed");
            failures += check(fake.problems().isEmpty(), "no protocol problems " + fake.problems());
        }
        System.out.println(failures == 0 ? "OK: every step answered as expected" : failures + " step(s) failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int check(boolean ok, String what) {
        System.out.println("   " + (ok ? "ok" : "FAILED") + ": " + what);
        return ok ? 0 : 1;
    }
}
