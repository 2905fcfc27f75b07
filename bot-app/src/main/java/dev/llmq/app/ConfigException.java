package dev.llmq.app;

import dev.llmq.core.config.StartupFailure;
import java.util.List;

/**
 * One or more bad settings, each a {@link StartupFailure} of kind SETTING. All are reported at
 * once, one line each, so that a user fixing their environment does not meet them one per start.
 * No message holds a secret.
 */
final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<StartupFailure> problems;

    ConfigException(List<StartupFailure> problems) {
        super(problems.isEmpty() ? "no problem" : problems.get(0).line());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every bad setting, in the order the variables were read. */
    List<StartupFailure> problems() {
        return problems;
    }
}
