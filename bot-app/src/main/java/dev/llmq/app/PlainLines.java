package dev.llmq.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/** Lines from a reader (piped input, a test), printed to a stream; no editing, no history. */
final class PlainLines implements ConsoleLines {
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean prompt;

    /** @param prompt whether to print the prompt before each line (a person at a terminal without a line editor) */
    PlainLines(BufferedReader in, PrintStream out, boolean prompt) {
        this.in = in;
        this.out = out;
        this.prompt = prompt;
    }

    @Override
    public Optional<String> readLine(String promptText) throws IOException {
        if (prompt) {
            print(promptText);
        }
        String line = in.readLine();
        return line == null ? Optional.empty() : Optional.of(ConsoleInput.clean(line));
    }

    @Override
    public void print(String text) {
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    @Override
    public boolean interactive() {
        return prompt;
    }

    @Override
    public void close() {
        out.flush();
    }
}
