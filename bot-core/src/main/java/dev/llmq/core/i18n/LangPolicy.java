package dev.llmq.core.i18n;

import java.util.Objects;
import java.util.Optional;

/**
 * Picks the language of one request, in this order (the README's one list): the explicit option
 * (which a Chinese topic word sets when no {@code lang:} does, see
 * {@link dev.llmq.core.port.in.CommandParser#ask}), the member's own setting, the platform locale, the channel or server default, the configured
 * default ({@code LLMQ_DEFAULT_LANG}), then English.
 */
public final class LangPolicy {
    private final Optional<Lang> configuredDefault;

    public LangPolicy(Optional<Lang> configuredDefault) {
        this.configuredDefault = Objects.requireNonNull(configuredDefault);
    }

    public Lang choose(Optional<Lang> explicit, String userLocale, Optional<Lang> spaceDefault) {
        return choose(explicit, Optional.empty(), userLocale, spaceDefault);
    }

    public Lang choose(Optional<Lang> explicit, Optional<Lang> userSetting, String userLocale,
                       Optional<Lang> spaceDefault) {
        return explicit
                .or(() -> userSetting)
                .or(() -> Lang.fromLocale(userLocale))
                .or(() -> spaceDefault)
                .or(() -> configuredDefault)
                .orElse(Lang.EN);
    }
}
