package dev.llmq.core.i18n;

import java.util.Objects;
import java.util.Optional;

/**
 * Picks the language of one request, in this order: the explicit option, the user's locale,
 * the channel or server default, the configured default ({@code LLMQ_DEFAULT_LANG}), then English.
 */
public final class LangPolicy {
    private final Optional<Lang> configuredDefault;

    public LangPolicy(Optional<Lang> configuredDefault) {
        this.configuredDefault = Objects.requireNonNull(configuredDefault);
    }

    public Lang choose(Optional<Lang> explicit, String userLocale, Optional<Lang> spaceDefault) {
        return explicit
                .or(() -> Lang.fromLocale(userLocale))
                .or(() -> spaceDefault)
                .or(() -> configuredDefault)
                .orElse(Lang.EN);
    }
}
