package dev.llmq.core.port.out;

import dev.llmq.core.i18n.Lang;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one server (guild) or workspace.
 *
 * @param defaultLang   the language of replies and daily posts when a request names none
 * @param publicReveals reveal answers to everyone by default
 */
public record SpaceSettings(Optional<Lang> defaultLang, boolean publicReveals) {
    public static final SpaceSettings DEFAULTS = new SpaceSettings(Optional.empty(), false);

    public SpaceSettings {
        Objects.requireNonNull(defaultLang, "defaultLang");
    }
}
