package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleInputTest {
    /** Issue 18: piped input typed with arrow keys carried ^[[D into the command and back into the answer. */
    @Test
    void escapeSequencesAndControlBytesAreDropped() {
        assertEquals("/llmq rag", ConsoleInput.clean("/llmq rag\u001B[D\u001B[D"));
        assertEquals("/llmq arch", ConsoleInput.clean("\u001BOH/llmq arch\u001B[1;5C"));
        assertEquals("a b", ConsoleInput.clean("a\tb\u0007\u0000\u007F\u009B2J"));
        assertEquals("问题", ConsoleInput.clean("  问题\u001B "));
    }
}
