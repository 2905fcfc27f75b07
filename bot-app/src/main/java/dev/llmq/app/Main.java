package dev.llmq.app;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.BankStats;
import dev.llmq.core.bank.lint.HouseStyle;
import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.config.StartupFailure;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.ChatPlatform;
import dev.llmq.core.quiz.UserLimits;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** The llmq command line: {@code console} (default), {@code validate} and {@code run}. */
@Command(name = "llmq", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Practise LLM interview questions in a terminal, on Discord or on Slack.",
        subcommands = {Main.ConsoleCmd.class, Main.ValidateCmd.class, Main.RunCmd.class, CommandLine.HelpCommand.class},
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

    @Option(names = "--seed", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Draw questions in a fixed order, the same on every run (for transcripts and tests).")
    Long seed;

    @Option(names = "--clock", scope = ScopeType.INHERIT, paramLabel = "INSTANT",
            description = "Run at a fixed time, e.g. 2026-12-01T12:00:00Z (for transcripts and tests).")
    String clock;

    final Map<String, String> env;
    final InputStream stdin;
    final PrintStream stdout;
    final PrintStream stderr;
    final boolean interactive;
    /** The console's time and chance: the system's, or a fixed clock and seed when a test replays a transcript. */
    final Sources sources;

    Main(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr, boolean interactive) {
        this(env, stdin, stdout, stderr, interactive, Sources.SYSTEM);
    }

    Main(Map<String, String> env, InputStream stdin, PrintStream stdout, PrintStream stderr, boolean interactive,
         Sources sources) {
        this.env = env;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.interactive = interactive;
        this.sources = sources;
    }

    /**
     * Whether a person may be typing: Java 22+ has a {@code System.console()} even when input is
     * piped, and says with {@code Console.isTerminal()} whether it is a terminal (looked up by
     * reflection: the code is compiled for 21, where a console exists only at a terminal). Piped
     * input then skips the line editor and its terminal probing entirely.
     */
    static boolean attachedToTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    public static void main(String[] args) {
        StartupTimeline.step("main");
        LogSetup.beforeFirstLogger(System.getenv());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = execute(System.getenv(), System.in, out, err, attachedToTerminal(), args);
        } catch (Throwable t) { // the last resort: still one line, never a trace
            StartupLogGate.discard();
            err.println("llmq: " + StartupErrors.describe(t).line());
            code = StartupErrors.describe(t).kind().exitCode();
        }
        System.exit(code);
    }

    /** Runs the CLI with the given environment and streams; returns the exit code. */
    static int execute(Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                       boolean interactive, String... args) {
        return execute(new Main(env, in, out, err, interactive), args);
    }

    /** Runs the CLI on a prepared {@code Main} (tests keep it to stop {@code run}); returns the exit code. */
    static int execute(Main main, String... args) {
        // The commands a supervisor or a user starts most, with nothing to parse, skip picocli:
        // its classes are Java 5 bytecode, which no class-data or AOT cache can hold, and loading
        // and verifying them costs about 0.2 s of every start (docs/benchmarks.md, Start-up).
        if (args.length == 0 || args.length == 1 && (args[0].equals("run") || args[0].equals("console"))) {
            try {
                StartupTimeline.step("command line");
                return args.length == 0 ? main.call()
                        : args[0].equals("run") ? new RunCmd().run(main) : new ConsoleCmd().run(main);
            } catch (Exception e) {
                return main.failed(e);
            }
        }
        CommandLine cli = new CommandLine(main);
        cli.setOut(new PrintWriter(main.stdout, true));
        cli.setErr(new PrintWriter(main.stderr, true));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> main.failed(ex));
        cli.setParameterExceptionHandler((ex, args2) -> {
            main.stderr.println("llmq: " + ex.getMessage().replace('\n', ' ') + " (see llmq --help)");
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    /** Every failure is one line, {@code llmq: <VARIABLE or component>: <what> (<what to do>)}, never a trace. */
    int failed(Exception ex) {
        StartupLogGate.discard();
        if (ex instanceof ConfigException config) {
            config.problems().forEach(p -> stderr.println("llmq: " + p.line()));
            return EXIT_USAGE;
        }
        StartupFailure failure = StartupErrors.describe(ex);
        // no static logger in Main: logging must not start before LogSetup has run
        org.slf4j.LoggerFactory.getLogger(Main.class).debug("start-up failed", ex);
        stderr.println("llmq: " + failure.line());
        return failure.kind().exitCode();
    }

    /** Completed to stop {@code run} (by the shutdown hook, or by a test). */
    final CompletableFuture<Void> stop = new CompletableFuture<>();

    @Override
    public Integer call() throws Exception {
        Optional<Config> config = config();
        if (config.isEmpty()) {
            return EXIT_USAGE;
        }
        return config.get().anyPlatform() ? new RunCmd().run(this) : new ConsoleCmd().run(this);
    }

    /** The validated configuration, or empty after printing one line per bad setting. */
    Optional<Config> config() {
        try {
            return Optional.of(Config.fromEnv(env));
        } catch (ConfigException e) {
            StartupLogGate.discard();
            e.problems().forEach(p -> stderr.println("llmq: " + p.line()));
            return Optional.empty();
        }
    }

    /** The app's time and chance: {@code --clock} and {@code --seed} when given, else those this Main was made with. */
    Sources sources() {
        java.time.Clock c = sources.clock();
        if (clock != null) {
            try {
                c = java.time.Clock.fixed(java.time.Instant.parse(clock.strip()), java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                throw StartupFailure.setting("--clock", "'" + clock + "' is not an instant",
                        "write it as 2026-12-01T12:00:00Z");
            }
        }
        long fixed = seed == null ? 0 : seed;
        return new Sources(c, seed == null ? sources.random() : () -> new java.util.SplittableRandom(fixed));
    }

    BankLocation bankLocation() {
        return BankLocation.resolve(questions, env);
    }

    Optional<Lang> explicitLang() {
        if (lang != null) {
            return Optional.of(Lang.parse(lang).orElseThrow(
                    () -> StartupFailure.setting("--lang", "'" + lang + "' is not a language", "use en or zh")));
        }
        return Optional.empty();
    }

    /**
     * Loads the bank for {@code console} and {@code run}, or prints its located problems, one line
     * each, and returns empty.
     *
     * @throws StartupFailure when a named file does not exist
     */
    Optional<QuestionBank> loadBank(BankLocation where) {
        where.checkExists();
        try {
            return Optional.of(where.load());
        } catch (BankException e) {
            StartupLogGate.discard();
            for (Problem p : e.problems()) {
                stderr.println("llmq: " + where.source() + ": " + p + " (fix it; llmq validate checks the bank)");
            }
            return Optional.empty();
        }
    }

    static void printProblems(PrintStream err, List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p);
        }
        err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found.");
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
            Optional<Config> config = main.config();
            if (config.isEmpty()) {
                return EXIT_USAGE;
            }
            Sources sources = main.sources();
            // the store opens (and migrates) while the bank loads
            StoreOpening store = StoreOpening.start(config.get().db(), sources.clock());
            BankLocation where = main.bankLocation();
            Optional<QuestionBank> bank;
            Optional<Lang> lang;
            try {
                bank = main.loadBank(where);
                lang = main.explicitLang();
            } catch (RuntimeException e) {
                store.discard();
                throw e;
            }
            if (bank.isEmpty()) {
                store.discard();
                return EXIT_USAGE;
            }
            ConsoleLines lines = ConsoleTerminal.open(main.env, main.stdin, main.stdout, main.interactive);
            ConsoleAdapter console = new ConsoleAdapter(lines, lang, ConsoleFiles.from(main.env));
            // at a line editor, log lines go above the typed line; piped, they stay on stderr
            AutoCloseable logs = lines.interactive() ? ConsoleLogs.printThrough(lines) : () -> { };
            // The daily question persists in LLMQ_DB_URL; its scheduler posts to this terminal while it is open.
            try (App app = App.open(config.get(), where, bank.get(), List.of(console.publisher()), lang, store,
                    sources);
                 console) {
                // one person at their own terminal: the per-user rate limit is for shared channels
                app.quizmaster.limitedBy(UserLimits.none());
                app.startScheduler();
                StartupLogGate.release();
                console.start(app.quizmaster);
                try {
                    console.stopped().join();
                } catch (java.util.concurrent.CompletionException e) {
                    main.stderr.println("llmq: console: cannot read the input: " + e.getCause());
                    return EXIT_INVALID;
                } finally {
                    logs.close();
                }
                return EXIT_OK;
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

        @Option(names = "--lint", description = "Also check the house style (docs/question-bank.md): full-width "
                + "punctuation and spacing in Chinese, the glossary's terms, American spelling; exit 1 on a finding.")
        boolean lint;

        @Override
        public Integer call() {
            StartupLogGate.release();
            if (main.questions != null && files != null && !files.isEmpty()) {
                // which would it check? Neither guess is safe, so say so
                main.stderr.println("llmq: validate: give the bank either as FILE arguments or with --questions, not both");
                return EXIT_USAGE;
            }
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
                if (lint) {
                    List<HouseStyle.Finding> findings = HouseStyle.check(bank);
                    for (HouseStyle.Finding f : findings) {
                        main.stderr.println(f);
                    }
                    if (!findings.isEmpty()) {
                        main.stderr.printf("house style: %d finding%s (docs/question-bank.md, \"House style\")%n",
                                findings.size(), findings.size() == 1 ? "" : "s");
                        return EXIT_INVALID;
                    }
                    main.stdout.println("house style: ok");
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
            Optional<Config> config = main.config();
            if (config.isEmpty()) {
                return EXIT_USAGE;
            }
            List<ChatPlatform> runners = Platforms.configured(config.get());
            if (runners.isEmpty()) {
                main.stderr.println("llmq: no platform is configured. Set DISCORD_TOKEN for Discord, or "
                        + "SLACK_BOT_TOKEN and SLACK_APP_TOKEN for Slack; or use 'llmq console'.");
                return EXIT_USAGE;
            }
            return Platforms.run(main, config.get(), runners);
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
