package dev.llmq.core.port.in;

import dev.llmq.core.i18n.Lang;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request comes from, in platform-neutral terms.
 *
 * @param platform   {@code discord}, {@code slack}, {@code console}...
 * @param space      the guild or workspace id
 * @param channel    the channel id
 * @param user       the user id
 * @param userLocale the user's locale tag as the platform reports it, or null
 * @param spaceLang  the channel's or server's default language, if one is set
 * @param admin      the platform says this user may manage the server or workspace (the adapter checks)
 * @param userZone   the user's time zone as the platform reports it (Slack's {@code tz}); empty when it does not
 */
public record Origin(String platform, String space, String channel, String user, String userLocale,
                     Optional<Lang> spaceLang, boolean admin, Optional<ZoneId> userZone) {
    public Origin {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(spaceLang, "spaceLang");
        Objects.requireNonNull(userZone, "userZone");
    }

    /** An origin whose platform reports no time zone for the user (Discord, the console). */
    public Origin(String platform, String space, String channel, String user, String userLocale,
                  Optional<Lang> spaceLang, boolean admin) {
        this(platform, space, channel, user, userLocale, spaceLang, admin, Optional.empty());
    }

    /** The same person and channel, counted in another space (a reminder's Review now, pressed in a DM). */
    public Origin inSpace(String otherSpace) {
        return new Origin(platform, otherSpace, channel, user, userLocale, spaceLang, admin, userZone);
    }

    /** This origin's channel as a daily-question target. */
    public dev.llmq.core.schedule.ChannelRef channelRef() {
        return new dev.llmq.core.schedule.ChannelRef(platform, space, channel);
    }
}
