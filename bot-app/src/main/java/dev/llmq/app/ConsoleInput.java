package dev.llmq.app;

import java.util.regex.Pattern;

/** What the console does to a typed line before it reads it as a command. */
final class ConsoleInput {
    /** An ANSI escape sequence (CSI such as the arrow keys' {@code ESC [ D}, SS3 such as {@code ESC O H}, or ESC and one character). */
    private static final Pattern ESCAPE = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|O.|.)?|\u009B[0-?]*[ -/]*[@-~]");
    /** Other control characters: C0 (but tab), DEL and C1. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F-\\x9F]");

    private ConsoleInput() {
    }

    /**
     * The line without escape sequences and control characters, tabs as spaces, stripped. Piped
     * input that was typed with arrow keys carries {@code ^[[D}; echoing it back would move the
     * reader's cursor, and reading it as a command would find a topic "r" in {@code rag^[[D^[[D}.
     */
    static String clean(String line) {
        String noEscapes = ESCAPE.matcher(line).replaceAll("");
        return CONTROL.matcher(noEscapes).replaceAll("").replace('\t', ' ').strip();
    }
}
