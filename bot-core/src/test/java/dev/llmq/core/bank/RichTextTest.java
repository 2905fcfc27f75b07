package dev.llmq.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.RichText.Code;
import dev.llmq.core.bank.RichText.Prose;
import java.util.List;
import org.junit.jupiter.api.Test;

class RichTextTest {
    @Test
    void proseAndFencedCodeComeApartInOrder() {
        String text = "Use `x` like this:\n```python\ndef f(x):\n    return x\n```\nThen call it.";
        assertEquals(List.of(new Prose("Use `x` like this:"), new Code("python", "def f(x):\n    return x"),
                new Prose("Then call it.")), RichText.parse(text));
        assertEquals(List.of(new Code("", "a = 1")), RichText.parse("```\na = 1\n```"));
        assertEquals(List.of(new Prose("no code, ``` only inline")), RichText.parse("no code, ``` only inline"));
    }

    @Test
    void anUnclosedFenceStaysProseAndIsReported() {
        String open = "Look:\n```python\nx = 1";
        assertEquals(List.of(new Prose(open)), RichText.parse(open));
        assertTrue(RichText.hasUnclosedFence(open));
        assertFalse(RichText.hasUnclosedFence("Look:\n```python\nx = 1\n```"));
    }

    @Test
    void theProseOfAnAnswerLeavesItsCodeOut() {
        assertEquals("Two words\n\nand more", RichText.proseOf("Two words\n```\nmany many code words here\n```\nand more"));
    }

    @Test
    void longCodeIsCutAtLineEndsAndNothingIsLost() {
        String code = "line one\nline two\nline three\n\nline five";
        List<String> pieces = RichText.split(code, 19);
        assertEquals(List.of("line one\nline two", "line three\n", "line five"), pieces);
        assertTrue(pieces.stream().allMatch(p -> p.length() <= 19), pieces.toString());
        String longLine = "x".repeat(25);
        assertEquals(List.of("x".repeat(10), "x".repeat(10), "x".repeat(5)), RichText.split(longLine, 10));
        assertEquals(code, String.join("\n", RichText.split(code, 1000)));
    }
}
