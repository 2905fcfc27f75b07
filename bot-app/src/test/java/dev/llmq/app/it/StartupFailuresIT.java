package dev.llmq.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.discord.fake.FakeDiscord;
import dev.llmq.slack.fake.FakeSlack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The start-up failure contract, against the packaged jar: every way start-up can fail ends
 * with exactly one line on stderr, {@code llmq: <VARIABLE or component>: <what> (<what to do>)}
 * (one per bad setting when there are several), exit 2 for a setting to change and 1 for a
 * failure outside llmq, no stack trace, and no secret. No case touches the internet: the
 * unreachable hosts are under {@code .invalid}, and the refusing servers are the fakes on 127.0.0.1.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StartupFailuresIT {
    /** Planted in every case's environment; it must never be printed. */
    private static final String PLANTED = "planted-" + Long.toHexString(new java.security.SecureRandom().nextLong());
    private static final String LINE = "^llmq: [A-Za-z_.-]+: [^\\n]+ \\([^\\n]+\\)$";

    @TempDir
    static Path dir;
    private static FakeSlack slack;
    private static FakeDiscord discord;
    private static int closedPort;

    @BeforeAll
    static void fakes() throws Exception {
        slack = new FakeSlack("xoxb-the-right-one", "xapp-the-right-one");
        discord = new FakeDiscord("the-right-discord-token");
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort(); // nothing listens here once it is closed
        }
    }

    @AfterAll
    static void stopFakes() {
        slack.close();
        discord.close();
    }

    /** One case: the environment (a function of the test directory), the arguments, the exit code and each line. */
    record Case(String name, Function<Path, Map<String, String>> env, List<String> args, int exit, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, Map<String, String> env, String args, int exit, String... lines) {
        return new Case(name, d -> env, List.of(args.split(" ")), exit, List.of(lines));
    }

    static Stream<Arguments> cases() throws IOException {
        Map<String, String> slackTokens = Map.of("SLACK_BOT_TOKEN", "xoxb-" + PLANTED, "SLACK_APP_TOKEN", "xapp-" + PLANTED);
        List<Case> cases = new ArrayList<>(List.of(
                // settings: exit 2
                c("a missing bank file", Map.of("LLMQ_QUESTIONS", "/nope.yaml"), "console", 2,
                        "llmq: LLMQ_QUESTIONS: /nope.yaml does not exist ("),
                c("an SQLite path that cannot be created", Map.of("LLMQ_DB_URL", "jdbc:sqlite:/proc/nope/x.db"), "console", 2,
                        "llmq: LLMQ_DB_URL: cannot create the directory /proc/nope "),
                c("an unknown database", Map.of("LLMQ_DB_URL", "mysql://" + PLANTED + "@db/x"), "console", 2,
                        "llmq: LLMQ_DB_URL: must start with jdbc:sqlite: or jdbc:postgresql:"),
                c("a proxy that is not a URL", with(slackTokens, "LLMQ_SLACK_PROXY", "nonsense"), "run", 2,
                        "llmq: LLMQ_SLACK_PROXY: 'nonsense' is not an http(s) URL (for example http://proxy.example.com:3128)"),
                c("an unreadable bot token file alone", Map.of("SLACK_BOT_TOKEN_FILE", "/nope"), "run", 2,
                        "llmq: SLACK_BOT_TOKEN_FILE: cannot read /nope (no such file) ("),
                c("a token and its file both set", with(slackTokens, "SLACK_BOT_TOKEN_FILE", "/etc/hostname"), "run", 2,
                        "llmq: SLACK_BOT_TOKEN: both SLACK_BOT_TOKEN and SLACK_BOT_TOKEN_FILE are set (set only one of them)"),
                c("an unreadable Discord token file", Map.of("DISCORD_TOKEN_FILE", "/nope"), "run", 2,
                        "llmq: DISCORD_TOKEN_FILE: cannot read /nope (no such file) ("),
                c("an unreadable database password file", Map.of("LLMQ_DB_URL", "jdbc:postgresql://127.0.0.1/x",
                        "LLMQ_DB_PASSWORD_FILE", "/nope"), "console", 2,
                        "llmq: LLMQ_DB_PASSWORD_FILE: cannot read /nope (no such file) ("),
                c("several bad settings", Map.of("LLMQ_HTTP_PORT", "eighty", "LLMQ_CATCHUP", "soon",
                        "LLMQ_DEFAULT_LANG", "fr"), "console", 2,
                        "llmq: LLMQ_DEFAULT_LANG: 'fr' is not a language (use en or zh)",
                        "llmq: LLMQ_HTTP_PORT: 'eighty' is not a port (",
                        "llmq: LLMQ_CATCHUP: 'soon' is not a duration ("),
                c("a bad option", Map.of(), "--lang xx console", 2, "llmq: --lang: 'xx' is not a language (use en or zh)"),
                // failures outside llmq: exit 1
                c("PostgreSQL unreachable", Map.of("LLMQ_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/llmq",
                        "LLMQ_DB_PASSWORD", PLANTED), "console", 1,
                        "llmq: LLMQ_DB_URL: cannot connect to PostgreSQL jdbc:postgresql://127.0.0.1:" + closedPort + "/llmq"),
                c("no network for Slack", with(slackTokens, "SLACK_API_URL", "https://slack.invalid/api/"), "run", 1,
                        "llmq: SLACK_API_URL: cannot resolve the host slack.invalid (check the network and DNS"),
                c("no network for Discord", Map.of("DISCORD_TOKEN", PLANTED, "DISCORD_API_URL",
                        "https://discord.invalid/api/v10/"), "run", 1,
                        "llmq: DISCORD_API_URL: cannot resolve the host discord.invalid (check the network and DNS"),
                c("Slack refuses the token", with(slackTokens, "SLACK_API_URL", slack.apiUrl()), "run", 1,
                        "llmq: SLACK_BOT_TOKEN: Slack refused the bot token (invalid_auth) ("),
                c("Discord refuses the token", Map.of("DISCORD_TOKEN", PLANTED, "DISCORD_API_URL", discord.apiUrl(),
                        "DISCORD_GATEWAY_URL", discord.gatewayUrl()), "run", 1,
                        "llmq: DISCORD_TOKEN: Discord refused the bot token (401 Unauthorized) (")));
        return cases.stream().map(Arguments::of);
    }

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new HashMap<>(base);
        m.put(k, v);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsInOneLineNamingTheVariable(Case c) throws Exception {
        assertFailsAsPromised(Artifacts.jar(), c);
    }

    /**
     * The jar as it once shipped, without Java-WebSocket: Slack cannot start, and says so in one
     * line instead of a NoClassDefFoundError trace.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("missingClass")
    void aMissingClassIsOneLine(Case c) throws Exception {
        assertFailsAsPromised(Artifacts.jarWithout("org/java_websocket/"), c);
    }

    static Stream<Arguments> missingClass() {
        FakeSlack fake = slack;
        return Stream.of(Arguments.of(new Case("a jar without Java-WebSocket", d -> Map.of(
                "SLACK_BOT_TOKEN", "xoxb-the-right-one", "SLACK_APP_TOKEN", "xapp-the-right-one",
                "SLACK_API_URL", fake.apiUrl()), List.of("run"), 1,
                List.of("llmq: Slack: a class is missing from the jar: org.java_websocket."))));
    }

    private static void assertFailsAsPromised(Path jar, Case c) throws Exception {
        Path work = Files.createTempDirectory(dir, "case");
        Map<String, String> env = new HashMap<>(c.env().apply(work));
        env.putIfAbsent("LLMQ_DB_URL", "jdbc:sqlite:" + work.resolve("llmq.db"));
        env.putIfAbsent("LLMQ_HTTP_PORT", "0");
        env.put("LLMQ_PLANTED_SECRET", PLANTED); // not read by llmq: it must not echo its environment either
        try (LlmqProcess llmq = LlmqProcess.start(Artifacts.jdkJava(), jar, env, work, c.args().toArray(String[]::new))) {
            int exit = llmq.waitFor(Duration.ofSeconds(90));
            List<String> lines = llmq.errLines().stream().map(LlmqProcess.Line::text).toList();
            assertEquals(c.exit(), exit, "exit code\n" + llmq.err());
            assertEquals(c.lines().size(), lines.size(), "one line per problem, nothing else:\n" + llmq.err());
            for (int i = 0; i < lines.size(); i++) {
                assertTrue(lines.get(i).startsWith(c.lines().get(i)), "line " + (i + 1) + ":\n" + llmq.err());
                assertTrue(Pattern.matches(LINE, lines.get(i)), "llmq: <VARIABLE>: <what> (<what to do>):\n" + lines.get(i));
            }
            String all = llmq.err() + llmq.out();
            assertFalse(all.contains(PLANTED), "a secret was printed:\n" + all);
            assertFalse(all.contains("\tat ") || all.contains("Exception in thread"), "a stack trace:\n" + all);
        }
    }
}
