package dev.llmq.app;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.BankStats;
import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyPublisher;
import dev.llmq.core.daily.MemoryDailyDesk;
import dev.llmq.core.engine.Decks;
import dev.llmq.core.engine.Quizmaster;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** The llmq command line: {@code console} (default), {@code validate} and {@code run}. */
@Command(name = "llmq", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Practise LLM interview questions in a terminal, on Discord or on Slack.",
        subcommands = {Main.ConsoleCmd.class, Main.ValidateCmd.class, Main.RunCmd.class},
        footer = {"", "With no subcommand: 'run' when a platform token is configured, else 'console'."})
public final class Main implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_INVALID = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--questions", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Question bank file(s) or directory, comma-separated (env LLMQ_QUESTIONS; "
                    + "default ./questions.yaml, else the bundled bank).")
    String questions;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "en|zh",
            description = "Language when a request names none (env LLMQ_DEFAULT_LANG; default en).")
    String lang;

    final Map<String, String> env;
    final InputStream stdin;
    final PrintStream stdout;
    final PrintStream stderr;
    final boolean interactive;

    Main(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr, boolean interactive) {
        this.env = env;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.interactive = interactive;
    }

    public static void main(String[] args) {
        if ("json".equals(System.getenv("LLMQ_LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml"); // before the first logger exists
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(System.getenv(), System.in, out, err, System.console() != null, args));
    }

    /** Runs the CLI with the given environment and streams; returns the exit code. */
    static int execute(Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                       boolean interactive, String... args) {
        return execute(new Main(env, in, out, err, interactive), args);
    }

    /** Runs the CLI on a prepared {@code Main} (tests keep it to stop {@code run}); returns the exit code. */
    static int execute(Main main, String... args) {
        CommandLine cli = new CommandLine(main);
        cli.setOut(new PrintWriter(main.stdout, true));
        cli.setErr(new PrintWriter(main.stderr, true));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            main.stderr.println("llmq: " + ex.getMessage());
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    /** Completed to stop {@code run} (by the shutdown hook, or by a test). */
    final CompletableFuture<Void> stop = new CompletableFuture<>();

    @Override
    public Integer call() throws Exception {
        if (PlatformTokens.anyConfigured(env)) {
            return new RunCmd().run(this);
        }
        return new ConsoleCmd().run(this);
    }

    Optional<Lang> explicitLang() {
        if (lang != null) {
            return Optional.of(Lang.parse(lang).orElseThrow(
                    () -> new CommandLine.ParameterException(new CommandLine(this), "--lang must be en or zh, not " + lang)));
        }
        return Optional.empty();
    }

    Optional<Lang> configuredDefaultLang() {
        String v = env.get("LLMQ_DEFAULT_LANG");
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Lang.parse(v).orElseThrow(
                () -> new IllegalArgumentException("LLMQ_DEFAULT_LANG must be en or zh, not '" + v + "'")));
    }

    /** Loads the bank, or prints its located problems and returns empty. */
    Optional<QuestionBank> loadBank(PrintStream err) {
        BankLocation where = BankLocation.resolve(questions, env);
        try {
            return Optional.of(where.load());
        } catch (BankException e) {
            printProblems(err, e.problems());
            return Optional.empty();
        }
    }

    static void printProblems(PrintStream err, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p);
        }
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found.");
    }

    Quizmaster quizmaster(QuestionBank bank) {
        return quizmaster(bank, List.of(new ConsolePublisher(stdout)));
    }

    /** A quizmaster whose daily desk posts through {@code publishers} (one per platform). */
    Quizmaster quizmaster(QuestionBank bank, List<DailyPublisher> publishers) {
        Clock clock = Clock.systemUTC();
        Decks decks = new Decks(new SecureRandom(), clock, Duration.ofDays(30), 100_000);
        MemoryDailyDesk daily = new MemoryDailyDesk(() -> bank, decks, clock, publishers);
        return new Quizmaster(() -> bank, decks, new LangPolicy(explicitLang().or(this::configuredDefaultLang)),
                Optional.of(daily));
    }

    /**
     * The daily question for this process: the store from LLMQ_DB_URL, a scheduler posting through
     * {@code publishers}, and the desk for the daily commands. The caller starts and closes it.
     */
    DailyRuntime openDaily(QuestionBank bank, List<DailyPublisher> publishers) {
        return DailyRuntime.open(env, () -> bank, publishers, Clock.systemUTC(), configuredDefaultLang().orElse(Lang.EN));
    }

    /** A quizmaster whose daily commands persist through {@code daily} and whose reveals are recorded there. */
    Quizmaster quizmaster(QuestionBank bank, DailyRuntime daily) {
        Clock clock = Clock.systemUTC();
        Decks decks = new Decks(new SecureRandom(), clock, Duration.ofDays(30), 100_000);
        return new Quizmaster(() -> bank, decks, new LangPolicy(configuredDefaultLang()), Optional.of(daily.desk()),
                Optional.of(daily.store()), clock);
    }

    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Practise in this terminal: /llmq <topic>, numbers press buttons, /quit leaves.")
    static final class ConsoleCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws Exception {
            return run(main);
        }

        int run(Main main) throws Exception {
            if (main.env.get("LLMQ_LOG_LEVEL") == null) {
                // Keep the terminal for the conversation: only warnings and errors go to stderr.
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                        .setLevel(ch.qos.logback.classic.Level.WARN);
            }
            Optional<QuestionBank> bank = main.loadBank(main.stderr);
            if (bank.isEmpty()) {
                return EXIT_INVALID;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(main.stdin, StandardCharsets.UTF_8));
            // The daily question persists in LLMQ_DB_URL; its scheduler posts to this terminal while it is open.
            try (DailyRuntime daily = main.openDaily(bank.get(), List.of(new ConsolePublisher(main.stdout)))) {
                daily.start();
                return new ConsoleAdapter(main.quizmaster(bank.get(), daily), reader, main.stdout, main.interactive,
                        main.explicitLang()).run();
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check question bank files; exit 0 when valid, 1 with located errors.")
    static final class ValidateCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(paramLabel = "FILE", arity = "0..*",
                description = "Files or directories to check together (default: the configured bank).")
        List<Path> files;

        @Option(names = "--stats", description = "Also print counts per topic, difficulty and language, "
                + "the follow-up chains and the questions no chain reaches.")
        boolean stats;

        @Override
        public Integer call() {
            BankLocation where = files == null || files.isEmpty()
                    ? BankLocation.resolve(main.questions, main.env) : new BankLocation(files);
            try {
                QuestionBank bank = where.load();
                main.stdout.printf("ok: %d questions in %d topics (%s)%n", bank.size(), bank.topics().size(),
                        String.join(", ", bank.origins()));
                if (stats) {
                    main.stdout.println();
                    main.stdout.print(new BankStats(bank).render());
                }
                return EXIT_OK;
            } catch (BankException e) {
                printProblems(main.stderr, e.problems());
                return EXIT_INVALID;
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Connect to the configured chat platforms (Discord: DISCORD_TOKEN; Slack: SLACK_BOT_TOKEN and SLACK_APP_TOKEN).")
    static final class RunCmd implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() {
            return run(main);
        }

        int run(Main main) {
            List<PlatformRunner> runners;
            try {
                runners = Platforms.configured(main.env);
            } catch (IllegalArgumentException e) {
                main.stderr.println("llmq: " + e.getMessage());
                return EXIT_USAGE;
            }
            if (!runners.isEmpty()) {
                return Platforms.run(main, runners);
            }
            main.stderr.println("llmq: no platform is configured. Set DISCORD_TOKEN for Discord, or "
                    + "SLACK_BOT_TOKEN and SLACK_APP_TOKEN for Slack; or use 'llmq console'.");
            return EXIT_USAGE;
        }
    }

    /** The version from the jar manifest, or "dev". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"llmq " + (v == null ? "dev" : v)};
        }
    }
}
