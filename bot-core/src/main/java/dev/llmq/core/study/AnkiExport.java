package dev.llmq.core.study;

import dev.llmq.core.bank.Question;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's cards as a file for Anki's text import (File → Import), or as a CSV with the same
 * columns. Anki reads the header lines at the top of the file:
 * {@code #separator:tab}, {@code #html:true}, {@code #notetype:Basic}, {@code #deck column:1},
 * {@code #guid column:2}, {@code #tags column:5}; columns 3 and 4 fill Basic's Front and Back.
 * The guid ({@code llmq-<question id>}) is stable, so a second import of a newer file updates the
 * notes it made the first time instead of adding copies.
 *
 * <p>Fields are HTML (they are escaped, and code blocks become {@code <pre><code>}); a tab or a line
 * break inside a field would end it, so there are none: line breaks become {@code <br>} and tabs
 * {@code &#9;}. Nothing is quoted, and a field never starts with a quote.
 */
public final class AnkiExport {
    /** Anki's header lines, in the order written. */
    public static final List<String> HEADER = List.of("#separator:tab", "#html:true", "#notetype:Basic",
            "#deck column:1", "#guid column:2", "#tags column:5");
    /** The CSV's header row. */
    public static final List<String> COLUMNS = List.of("deck", "guid", "front", "back", "tags");

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z0-9_+-]*\\n?(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");

    private AnkiExport() {
    }

    /** One note: the five columns, already as HTML. */
    public record Note(String deck, String guid, String front, String back, String tags) {
        public Note {
            Objects.requireNonNull(deck, "deck");
            Objects.requireNonNull(guid, "guid");
            Objects.requireNonNull(front, "front");
            Objects.requireNonNull(back, "back");
            Objects.requireNonNull(tags, "tags");
        }

        List<String> fields() {
            return List.of(deck, guid, front, back, tags);
        }
    }

    /** The note of a question in {@code lang}: deck {@code llmq::<topic>}, guid {@code llmq-<id>}. */
    public static Note note(Question q, Lang lang) {
        StringBuilder back = new StringBuilder(html(q.answer().get(lang)));
        List<String> points = q.keyPoints().get(lang);
        if (!points.isEmpty()) {
            back.append("<br><br><b>").append(escape(Msg.KEY_POINTS.text(lang))).append("</b><ul>");
            for (String p : points) {
                back.append("<li>").append(html(p)).append("</li>");
            }
            back.append("</ul>");
        }
        String tags = "llmq llmq::" + q.topicId() + " difficulty::" + Msg.difficulty(q.difficulty()).text(Lang.EN);
        return new Note("llmq::" + q.topicId(), "llmq-" + q.id(), html(q.prompt().get(lang)), back.toString(), tags);
    }

    /** Anki's text file: the header lines, then a note per line, fields separated by tabs. */
    public static String anki(List<Note> notes) {
        StringBuilder b = new StringBuilder();
        for (String h : HEADER) {
            b.append(h).append('\n');
        }
        for (Note n : notes) {
            b.append(String.join("\t", n.fields())).append('\n');
        }
        return b.toString();
    }

    /** A CSV (RFC 4180): the header row, then a note per row; every field is quoted. */
    public static String csv(List<Note> notes) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", COLUMNS.stream().map(AnkiExport::quoted).toList())).append("\r\n");
        for (Note n : notes) {
            b.append(String.join(",", n.fields().stream().map(AnkiExport::quoted).toList())).append("\r\n");
        }
        return b.toString();
    }

    private static String quoted(String field) {
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * Bank text as one line of HTML: escaped; fenced code as {@code <pre><code>}, inline code as
     * {@code <code>}; line breaks as {@code <br>} (inside code too, so that its lines survive), tabs
     * as {@code &#9;}.
     */
    static String html(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = FENCE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(prose(text.substring(at, m.start())));
            String code = m.group(1).replaceAll("\\n$", "");
            out.append("<pre><code>").append(lines(escape(code))).append("</code></pre>");
            at = m.end();
        }
        out.append(prose(text.substring(at)));
        return out.toString();
    }

    private static String prose(String text) {
        String escaped = escape(text.strip().isEmpty() ? text.strip() : text);
        return lines(INLINE_CODE.matcher(escaped).replaceAll("<code>$1</code>"));
    }

    private static String lines(String text) {
        return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>").replace("\t", "&#9;");
    }

    /** HTML-escapes {@code & < > "}; a quote is escaped too, so that no field starts with one. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
