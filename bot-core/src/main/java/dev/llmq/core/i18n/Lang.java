package dev.llmq.core.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the bank and the UI speak. */
public enum Lang {
    EN("en"),
    ZH("zh");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Parses what a user types for a language: {@code en}, {@code zh}, {@code zh-CN}, {@code 中文}, {@code english}... */
    public static Optional<Lang> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (t) {
            case "en": case "eng": case "english": case "英文": case "英语":
                return Optional.of(EN);
            case "zh": case "cn": case "chinese": case "中文": case "汉语": case "zh-hans": case "zh-hant":
                return Optional.of(ZH);
            default:
                return fromLocale(t);
        }
    }

    /**
     * Maps a platform locale tag ({@code zh-CN}, {@code zh-TW}, {@code en-US}, {@code en-GB}) to a
     * language; other locales have no bank language and give empty.
     */
    public static Optional<Lang> fromLocale(String locale) {
        if (locale == null || locale.isBlank()) {
            return Optional.empty();
        }
        String t = locale.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("zh") || t.startsWith("zh-")) {
            return Optional.of(ZH);
        }
        if (t.equals("en") || t.startsWith("en-")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
