package dev.llmq.app;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the console reads what the person types and prints what the bot says: a line editor in
 * a terminal ({@link JLineLines}), plain streams when the input is piped ({@link PlainLines}).
 * Both are safe to print to from any thread: a daily post that arrives while someone is typing
 * is printed above their half-typed line, which is then drawn again.
 */
interface ConsoleLines extends AutoCloseable {
    /** The next line the person typed, cleaned of control bytes ({@link ConsoleInput#clean}); empty at the end of input. */
    Optional<String> readLine(String prompt) throws IOException;

    /** Prints text that ends with a line break, without breaking the line being typed. */
    void print(String text);

    /** Whether a person types at a terminal (a prompt is shown, and the input is echoed by the terminal). */
    boolean interactive();

    @Override
    void close();
}
