package dev.llmq.core.config;

import java.util.Objects;

/**
 * Why llmq cannot start, said in the one line the user sees:
 * {@code llmq: <VARIABLE or component>: <what went wrong> (<what to do>)}.
 *
 * <p>Every start-up path (settings, the bank, the store, each platform) throws this instead of a
 * bare exception, so that {@code Main} can print exactly one line and pick the exit code from
 * {@link Kind}: a setting the user must change (2), or a failure of something outside llmq (1).
 * The message never holds a secret: callers pass variable names, hosts and paths only.
 */
public final class StartupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of fix is needed; decides the exit code. */
    public enum Kind {
        /** A bad, missing or unreadable setting, or a missing bank file: change the configuration. Exit 2. */
        SETTING(2),
        /** Something outside llmq failed: a refused token, an unreachable database or host, a missing class. Exit 1. */
        RUNTIME(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;
    private final String subject;
    private final String problem;
    private final String remedy;

    private StartupFailure(Kind kind, String subject, String problem, String remedy, Throwable cause) {
        super(subject + ": " + problem + " (" + remedy + ")", cause);
        this.kind = Objects.requireNonNull(kind);
        this.subject = requireText(subject, "subject");
        this.problem = requireText(problem, "problem");
        this.remedy = requireText(remedy, "remedy");
    }

    /** A setting to change: {@code variable} names it, for example {@code LLMQ_DB_URL}. */
    public static StartupFailure setting(String variable, String problem, String remedy) {
        return new StartupFailure(Kind.SETTING, variable, problem, remedy, null);
    }

    /** A setting to change, caused by {@code cause} (kept for DEBUG logs, never printed to the user). */
    public static StartupFailure setting(String variable, String problem, String remedy, Throwable cause) {
        return new StartupFailure(Kind.SETTING, variable, problem, remedy, cause);
    }

    /** A failure outside llmq: {@code subject} is the variable to check or the component, such as {@code Slack}. */
    public static StartupFailure runtime(String subject, String problem, String remedy, Throwable cause) {
        return new StartupFailure(Kind.RUNTIME, subject, problem, remedy, cause);
    }

    public Kind kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public String problem() {
        return problem;
    }

    public String remedy() {
        return remedy;
    }

    /** The line to print, without the {@code llmq: } prefix. */
    public String line() {
        return getMessage();
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be one line: " + s);
        }
        return s;
    }
}
