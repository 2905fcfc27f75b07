package dev.llmq.core.bank;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * How topic words (ids, aliases, names in either language) are compared, both when a user names
 * a topic ({@link TopicResolver}) and when a bank is validated (no word may name two topics).
 */
public final class TopicWords {
    /**
     * The words that {@code /llmq <word>} reads as a command, in both languages, normalized: no
     * topic may take one as its id, alias or name, or the command would hide it.
     */
    public static final Set<String> COMMAND_WORDS = Set.of(
            "topics", "主题", "help", "帮助", "daily", "每日",
            "review", "复习", "stats", "统计", "settings", "设置", "export", "导出",
            "leaderboard", "排行榜", "forget-me", "忘记我");

    private TopicWords() {
    }

    /**
     * NFKC, lower case, and every run of characters that are not letters or digits folded to one
     * hyphen between words (none at either end): {@code "  Why Decoder_Only? "} is
     * {@code why-decoder-only}, {@code "ＡＢＣ"} is {@code abc}. Null is the empty string.
     */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && out.length() > 0) {
                    out.append('-');
                }
                gap = false;
                out.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
