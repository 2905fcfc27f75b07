package dev.llmq.core.bank;

import dev.llmq.core.i18n.Lang;
import java.util.Objects;

/** A value in English and in Chinese. */
public record Bilingual<T>(T en, T zh) {
    public Bilingual {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    public T get(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
