package dev.llmq.core.testing;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The check every UI string passes, the core's and each adapter's own: both languages, same arguments. */
public final class Bilingual {
    private static final Pattern SPEC = Pattern.compile("%(\\d+\\$)?[sd]");

    private Bilingual() {
    }

    /** What is wrong with {@code text}: empty when both languages are there with the same arguments. */
    public static List<String> problems(Text text) {
        List<String> out = new ArrayList<>();
        if (text.raw(Lang.EN).isBlank()) {
            out.add(text + ": no English");
        }
        if (text.raw(Lang.ZH).isBlank()) {
            out.add(text + ": no Chinese");
        }
        if (count(text.raw(Lang.EN)) != count(text.raw(Lang.ZH))) {
            out.add(text + ": the argument count differs");
        }
        if (text.raw(Lang.ZH).codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            out.add(text + ": the zh text has no Chinese");
        }
        return out;
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
