package dev.llmq.core.port.out;

import dev.llmq.core.i18n.Lang;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one server (guild) or workspace.
 *
 * @param defaultLang   the language of replies and daily posts when a request names none
 * @param publicReveals reveal answers to everyone by default
 * @param zone          the space's time zone: its leaderboard's week starts on Monday 00:00 there;
 *                      empty means UTC
 */
public record SpaceSettings(Optional<Lang> defaultLang, boolean publicReveals, Optional<ZoneId> zone) {
    private static final ZoneId UTC = ZoneId.of("UTC");
    public static final SpaceSettings DEFAULTS = new SpaceSettings(Optional.empty(), false, Optional.empty());

    public SpaceSettings {
        Objects.requireNonNull(defaultLang, "defaultLang");
        Objects.requireNonNull(zone, "zone");
    }

    /** Settings without a zone (UTC). */
    public SpaceSettings(Optional<Lang> defaultLang, boolean publicReveals) {
        this(defaultLang, publicReveals, Optional.empty());
    }

    public SpaceSettings withDefaultLang(Optional<Lang> l) {
        return new SpaceSettings(l, publicReveals, zone);
    }

    public SpaceSettings withPublicReveals(boolean on) {
        return new SpaceSettings(defaultLang, on, zone);
    }

    public SpaceSettings withZone(Optional<ZoneId> z) {
        return new SpaceSettings(defaultLang, publicReveals, z);
    }

    /** The zone of the leaderboard's week. */
    public ZoneId zoneOrUtc() {
        return zone.orElse(UTC);
    }
}
