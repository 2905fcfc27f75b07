package dev.llmq.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The check every UI string passes, the core's and each adapter's own: both languages, same arguments. */
public final class Bilingual {
    private static final Pattern SPEC = Pattern.compile("%(\\d+\\$)?[sd]");

    private Bilingual() {
    }

    public static void check(Text text) {
        assertFalse(text.raw(Lang.EN).isBlank(), text + " en");
        assertFalse(text.raw(Lang.ZH).isBlank(), text + " zh");
        assertEquals(count(text.raw(Lang.EN)), count(text.raw(Lang.ZH)), text + ": argument count differs");
        assertTrue(text.raw(Lang.ZH).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                text + ": zh text has no Chinese");
    }

    private static int count(String s) {
        Matcher m = SPEC.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
