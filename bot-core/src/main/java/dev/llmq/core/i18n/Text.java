package dev.llmq.core.i18n;

import java.util.Locale;

/**
 * A UI string in English and Chinese. The core's are in {@link Msg}; a platform's own (Discord's
 * command descriptions, Slack's App Home) are in an enum in its adapter that implements this.
 * Arguments use {@link String#format}.
 */
public interface Text {
    /** The pattern, before formatting. */
    String raw(Lang lang);

    default String text(Lang lang, Object... args) {
        String pattern = raw(lang);
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }
}
