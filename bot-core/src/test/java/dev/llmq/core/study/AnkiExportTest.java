package dev.llmq.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.bank.Bilingual;
import dev.llmq.core.bank.Question;
import dev.llmq.core.i18n.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The export against Anki's documented rules for text files with headers (manual: "Importing" →
 * "Text files" → "File headers", Anki 2.1.55 and later): header lines come first, each
 * {@code #key:value}; columns are counted from 1; the deck, guid and tags columns are taken out and
 * the other columns fill the note type's fields in order; with a guid column, a note whose guid is
 * already in the collection is updated, not added again.
 */
class AnkiExportTest {
    static final Question CODE = new Question("attn-code", "attention", 2, List.of(),
            new Bilingual<>("Write \"softmax\" for <scores>?", "写出 softmax？"),
            new Bilingual<>("Subtract the max first:\n```python\ndef softmax(x):\n\te = np.exp(x - x.max())\n    return e / e.sum()\n```\nThen `e / e.sum()` & done.",
                    "先减去最大值。"),
            new Bilingual<>(List.of("max-shift keeps exp < overflow", "sum to 1"), List.of("减最大值防溢出")),
            List.of(), Optional.empty());
    static final Question PLAIN = new Question("basics-1", "basics", 1, List.of(),
            new Bilingual<>("What is an LLM?", "什么是大模型？"), new Bilingual<>("A large model.", "大规模语言模型。"),
            new Bilingual<>(List.of("scale"), List.of("规模")), List.of(), Optional.empty());

    /** A model of Anki's text import, following the manual's rules; it fails loudly where Anki would. */
    static final class ModelAnki {
        static final Set<String> KEYS = Set.of("separator", "html", "tags", "columns", "notetype", "deck",
                "notetype column", "deck column", "tags column", "guid column");
        static final Pattern HEADER = Pattern.compile("#([a-z ]+):(.*)");
        final Map<String, Map<String, String>> notesByGuid = new LinkedHashMap<>();
        int added;
        int updated;

        void importFile(String file) {
            List<String> lines = List.of(file.split("\n", -1));
            Map<String, String> headers = new LinkedHashMap<>();
            int i = 0;
            for (; i < lines.size() && lines.get(i).startsWith("#"); i++) {
                Matcher m = HEADER.matcher(lines.get(i));
                assertTrue(m.matches(), "a header line is #key:value: " + lines.get(i));
                String key = m.group(1).strip().toLowerCase(Locale.ROOT);
                assertTrue(KEYS.contains(key), "a key Anki knows: " + key);
                assertFalse(headers.containsKey(key), "each key once: " + key);
                headers.put(key, m.group(2).strip());
            }
            assertEquals("tab", headers.get("separator").toLowerCase(Locale.ROOT));
            assertEquals("true", headers.get("html"));
            assertEquals("Basic", headers.get("notetype"));
            int deck = Integer.parseInt(headers.get("deck column"));
            int guid = Integer.parseInt(headers.get("guid column"));
            int tags = Integer.parseInt(headers.get("tags column"));
            List<String> fields = List.of("Front", "Back");
            for (String line : lines.subList(i, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                assertFalse(line.startsWith("#"), "no header line after the first note");
                String[] cols = line.split("\t", -1);
                assertEquals(5, cols.length, "five columns: " + line);
                Map<String, String> note = new LinkedHashMap<>();
                note.put("deck", cols[deck - 1]);
                note.put("tags", cols[tags - 1]);
                int field = 0;
                for (int c = 1; c <= cols.length; c++) {
                    if (c != deck && c != guid && c != tags) {
                        assertFalse(cols[c - 1].startsWith("\""), "an unquoted field never starts with a quote");
                        note.put(fields.get(field++), cols[c - 1]);
                    }
                }
                assertEquals(fields.size(), field, "the other columns fill Basic's fields exactly");
                if (notesByGuid.put(cols[guid - 1], note) == null) {
                    added++;
                } else {
                    updated++;
                }
            }
        }
    }

    @Test
    void theHeaderLinesAreAnkisAndComeFirst() {
        String file = AnkiExport.anki(List.of(AnkiExport.note(PLAIN, Lang.EN)));
        List<String> lines = file.lines().toList();
        assertEquals(List.of("#separator:tab", "#html:true", "#notetype:Basic", "#deck column:1", "#guid column:2",
                "#tags column:5"), lines.subList(0, 6));
        assertEquals("llmq::basics\tllmq-basics-1\tWhat is an LLM?\tA large model.<br><br><b>Key points</b>"
                + "<ul><li>scale</li></ul>\tllmq llmq::basics difficulty::easy", lines.get(6));
        assertEquals(7, lines.size());
    }

    @Test
    void everyColumnIsWhereTheHeadersSay() {
        ModelAnki anki = new ModelAnki();
        anki.importFile(AnkiExport.anki(List.of(AnkiExport.note(CODE, Lang.EN), AnkiExport.note(PLAIN, Lang.ZH))));
        Map<String, String> code = anki.notesByGuid.get("llmq-attn-code");
        assertEquals("llmq::attention", code.get("deck"));
        assertEquals("llmq llmq::attention difficulty::medium", code.get("tags"));
        assertEquals("Write &quot;softmax&quot; for &lt;scores&gt;?", code.get("Front"));
        Map<String, String> zh = anki.notesByGuid.get("llmq-basics-1");
        assertEquals("什么是大模型？", zh.get("Front"));
        assertEquals("大规模语言模型。<br><br><b>要点</b><ul><li>规模</li></ul>", zh.get("Back"));
    }

    /** Code keeps its lines and indentation: a pre block, with line breaks as br and tabs as an entity. */
    @Test
    void codeInAnAnswerSurvivesAsAPreBlock() {
        String back = AnkiExport.note(CODE, Lang.EN).back();
        assertEquals("Subtract the max first:<br><pre><code>def softmax(x):<br>&#9;e = np.exp(x - x.max())<br>"
                + "    return e / e.sum()</code></pre><br>Then <code>e / e.sum()</code> &amp; done."
                + "<br><br><b>Key points</b><ul><li>max-shift keeps exp &lt; overflow</li><li>sum to 1</li></ul>", back);
        assertFalse(back.contains("\t") || back.contains("\n"), "no raw tab or line break in a field");
    }

    /** Stable guids: importing the file twice, or a newer one, updates the notes instead of copying them. */
    @Test
    void importingTheSameFileTwiceUpdatesTheNotes() {
        ModelAnki anki = new ModelAnki();
        String file = AnkiExport.anki(List.of(AnkiExport.note(CODE, Lang.EN), AnkiExport.note(PLAIN, Lang.EN)));
        anki.importFile(file);
        anki.importFile(file);
        anki.importFile(AnkiExport.anki(List.of(AnkiExport.note(PLAIN, Lang.ZH))));
        assertEquals(2, anki.notesByGuid.size());
        assertEquals(2, anki.added);
        assertEquals(3, anki.updated);
        assertEquals("什么是大模型？", anki.notesByGuid.get("llmq-basics-1").get("Front"), "the newer text won");
    }

    @Test
    void theCsvHasTheSameColumnsAndAHeaderRow() {
        String csv = AnkiExport.csv(List.of(AnkiExport.note(CODE, Lang.EN)));
        List<String> rows = List.of(csv.split("\r\n"));
        assertEquals("\"deck\",\"guid\",\"front\",\"back\",\"tags\"", rows.get(0));
        assertEquals(2, rows.size());
        List<String> cells = parseCsvRow(rows.get(1));
        AnkiExport.Note n = AnkiExport.note(CODE, Lang.EN);
        assertEquals(List.of(n.deck(), n.guid(), n.front(), n.back(), n.tags()), cells);
    }

    /** RFC 4180: quoted fields, a doubled quote inside. */
    static List<String> parseCsvRow(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
