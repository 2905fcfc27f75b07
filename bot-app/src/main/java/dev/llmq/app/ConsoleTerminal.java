package dev.llmq.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Picks the console's lines: JLine when a person sits at a terminal, plain lines when the input is piped. */
final class ConsoleTerminal {
    static final String HISTORY_VARIABLE = "LLMQ_HISTORY";
    static final String HISTORY_DEFAULT = "data/console-history";

    private ConsoleTerminal() {
    }

    /**
     * @param interactive whether the process may have a terminal (the caller's guess); JLine then
     *                    checks, and a dumb terminal (input piped, an IDE's console) gets plain lines
     */
    static ConsoleLines open(Map<String, String> env, InputStream in, PrintStream out, boolean interactive) {
        if (interactive && in == System.in) {
            try {
                Terminal terminal = TerminalBuilder.builder().system(true).dumb(true)
                        .encoding(StandardCharsets.UTF_8).build();
                if (!terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
                    return new JLineLines(terminal, history(env));
                }
                terminal.close();
            } catch (IOException | RuntimeException e) {
                // no terminal to edit in: read plain lines, as from a pipe
            }
        }
        return new PlainLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out, false);
    }

    /** {@code LLMQ_HISTORY}, by default {@code data/console-history}; {@code off} keeps none. */
    static Optional<Path> history(Map<String, String> env) {
        String v = env.get(HISTORY_VARIABLE);
        if (v != null && v.strip().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Path file = Path.of(v == null || v.isBlank() ? HISTORY_DEFAULT : v.strip()).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return Optional.empty(); // an unwritable directory costs the history, not the console
        }
        return Optional.of(file);
    }
}
