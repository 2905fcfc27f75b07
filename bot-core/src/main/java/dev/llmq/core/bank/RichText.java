package dev.llmq.core.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bank text as prose and fenced code blocks, the one piece of Markdown the bank uses beyond
 * inline backticks. A fence is a line that starts with three backticks (optionally followed by a
 * language, {@code ```python}) up to the next line that is three backticks. Each platform draws a
 * {@link Code} its own way (Discord keeps the language, Slack has none, the console indents), and
 * {@link #split} cuts a block that is too long for one message part at line ends, so a cut never
 * leaves a fence open.
 */
public final class RichText {
    private static final Pattern FENCE = Pattern.compile("(?m)^```([A-Za-z0-9_+#.-]*)[ \\t]*\\n([\\s\\S]*?)\\n?^```[ \\t]*$");

    private RichText() {
    }

    /** A part of a text: prose (with inline backticks, as written) or a code block. */
    public sealed interface Segment permits Prose, Code {
    }

    /** Prose, stripped of the blank lines around it; never empty. */
    public record Prose(String text) implements Segment {
        public Prose {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A fenced block: {@code language} is what follows the opening backticks ("" when none),
     * {@code code} the lines between the fences.
     */
    public record Code(String language, String code) implements Segment {
        public Code {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(code, "code");
        }
    }

    /** The text's prose and code blocks in order. A fence that is never closed is prose, as written. */
    public static List<Segment> parse(String text) {
        List<Segment> out = new ArrayList<>();
        Matcher m = FENCE.matcher(text);
        int at = 0;
        while (m.find()) {
            prose(out, text.substring(at, m.start()));
            out.add(new Code(m.group(1), m.group(2).stripTrailing()));
            at = m.end();
        }
        prose(out, text.substring(at));
        return out;
    }

    /** The prose alone, code blocks left out (what a word count should count). */
    public static String proseOf(String text) {
        StringBuilder b = new StringBuilder();
        for (Segment s : parse(text)) {
            switch (s) {
                case Prose p -> b.append(p.text()).append('\n');
                case Code c -> b.append('\n');
            }
        }
        return b.toString().strip();
    }

    /** Whether the text opens a fence that it never closes (a bank mistake the linter reports). */
    public static boolean hasUnclosedFence(String text) {
        String rest = FENCE.matcher(text).replaceAll("");
        return Pattern.compile("(?m)^```").matcher(rest).find();
    }

    /**
     * The code cut into pieces of at most {@code max} characters each, at line ends (a line longer
     * than {@code max} is cut inside), so that each piece can be fenced on its own.
     */
    public static List<String> split(String code, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        List<String> out = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String rest = line;
            while (rest.length() > max) {
                flush(out, piece);
                int cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            int grown = piece.length() + (piece.isEmpty() ? 0 : 1) + rest.length();
            if (grown > max) {
                flush(out, piece);
            }
            if (!piece.isEmpty()) {
                piece.append('\n');
            }
            piece.append(rest);
        }
        flush(out, piece);
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    private static void flush(List<String> out, StringBuilder piece) {
        if (!piece.isEmpty()) {
            out.add(piece.toString());
            piece.setLength(0);
        }
    }

    private static void prose(List<Segment> out, String text) {
        String t = text.strip();
        if (!t.isEmpty()) {
            out.add(new Prose(t));
        }
    }
}
