package dev.llmq.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * A terminal with JLine's line editor: arrow keys, Home/End, Ctrl-R search, and a history kept
 * in a file across sessions. Text printed while the person types goes above their line
 * ({@link LineReader#printAbove}), and the prompt and the half-typed line are drawn again.
 * JLine rather than our own: line editing over terminal types, key maps, wide characters and
 * redrawing is a large job that JLine has done for years (Maven, the JDK's jshell, Groovy).
 */
final class JLineLines implements ConsoleLines {
    private final Terminal terminal;
    private final LineReader reader;

    /** @param history the history file, created with its directory on the first line typed */
    JLineLines(Terminal terminal, Optional<Path> history) {
        this.terminal = terminal;
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("llmq")
                // "!" in a typed line is text, not history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 1000);
        history.ifPresent(p -> b.variable(LineReader.HISTORY_FILE, p));
        this.reader = b.build();
    }

    @Override
    public Optional<String> readLine(String prompt) throws IOException {
        try {
            return Optional.of(ConsoleInput.clean(reader.readLine(prompt)));
        } catch (UserInterruptException e) { // Ctrl-C: drop the line, as a shell does
            return Optional.of("");
        } catch (EndOfFileException e) { // Ctrl-D on an empty line
            return Optional.empty();
        }
    }

    @Override
    public void print(String text) {
        reader.printAbove(text);
    }

    @Override
    public boolean interactive() {
        return true;
    }

    /** Saves the history and gives the terminal back as it was. */
    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("llmq: console: cannot save the history: " + e.getMessage());
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // the process is ending; the terminal's own attributes are restored by the shell
        }
    }
}
