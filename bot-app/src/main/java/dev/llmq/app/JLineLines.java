package dev.llmq.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
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
        bindCursorKeys(reader.getKeyMaps().get(LineReader.EMACS));
    }

    /**
     * JLine binds the keys its terminal type's description lists, which for xterm are the
     * "application mode" ones ({@code ESC O D}). A terminal that ignores the switch to that mode,
     * or a TERM that does not match the terminal, sends {@code ESC [ D} instead; readline binds
     * both forms, and so do we.
     */
    static void bindCursorKeys(KeyMap<Binding> keys) {
        bind(keys, LineReader.BACKWARD_CHAR, "\u001B[D", "\u001BOD");
        bind(keys, LineReader.FORWARD_CHAR, "\u001B[C", "\u001BOC");
        bind(keys, LineReader.UP_LINE_OR_HISTORY, "\u001B[A", "\u001BOA");
        bind(keys, LineReader.DOWN_LINE_OR_HISTORY, "\u001B[B", "\u001BOB");
        bind(keys, LineReader.BEGINNING_OF_LINE, "\u001B[H", "\u001BOH", "\u001B[1~", "\u001B[7~");
        bind(keys, LineReader.END_OF_LINE, "\u001B[F", "\u001BOF", "\u001B[4~", "\u001B[8~");
        bind(keys, LineReader.DELETE_CHAR, "\u001B[3~");
    }

    private static void bind(KeyMap<Binding> keys, String widget, String... sequences) {
        for (String s : sequences) {
            keys.bind(new Reference(widget), s);
        }
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
