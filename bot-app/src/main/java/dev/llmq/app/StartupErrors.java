package dev.llmq.app;

import dev.llmq.core.config.StartupFailure;

/** Turns whatever stopped start-up into the one {@link StartupFailure} line the user reads. */
final class StartupErrors {
    private StartupErrors() {
    }

    static StartupFailure describe(Throwable t) {
        return describe(t, "llmq");
    }

    /**
     * @param component who was starting ("Slack", "Discord", "llmq"), the subject when {@code t}
     *                  names none itself
     */
    static StartupFailure describe(Throwable t, String component) {
        if (t instanceof StartupFailure f) {
            return f;
        }
        if (t instanceof ConfigException c) {
            return c.problems().get(0);
        }
        String missing = missingClass(t);
        if (missing != null) {
            return StartupFailure.runtime(component, "a class is missing from the jar: " + missing,
                    "the jar is incomplete; rebuild it with ./llmq or mvn -B package, and report it if it persists", t);
        }
        String why = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
        return StartupFailure.runtime(component, why.replaceAll("\\s*[\\r\\n]+\\s*", " "),
                "LLMQ_LOG_LEVEL=DEBUG logs the details", t);
    }

    /** The missing class's name when {@code t} or a cause is a class that could not be loaded, else null. */
    private static String missingClass(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof NoClassDefFoundError || c instanceof ClassNotFoundException) {
                String m = c.getMessage() == null ? "(unnamed)" : c.getMessage();
                return m.replace('/', '.');
            }
        }
        return null;
    }
}
