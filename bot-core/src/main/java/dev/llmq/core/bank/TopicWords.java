package dev.llmq.core.bank;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How topic words (ids, aliases, names in either language) are compared, both when a user names
 * a topic ({@link TopicResolver}) and when a bank is validated (no word may name two topics).
 */
public final class TopicWords {
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
