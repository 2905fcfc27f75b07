package dev.llmq.core.schedule;

import java.util.Objects;

/**
 * A channel on a platform: where a daily question goes. A member's private reminder goes to
 * {@link #member}: the channel {@code @<user>}, which no platform's channel id can be (Discord's
 * are digits, Slack's start with C, G or D), and which each publisher sends as a direct message.
 */
public record ChannelRef(String platform, String space, String channel) {
    private static final String MEMBER = "@";

    /** A member's direct messages, for their reminder; {@code space} is where their cards are counted. */
    public static ChannelRef member(String platform, String space, String user) {
        return new ChannelRef(platform, space, MEMBER + user);
    }

    /** True for a member's direct messages ({@link #member}). */
    public boolean isMember() {
        return channel.startsWith(MEMBER);
    }

    /** The member of {@link #member}. */
    public String memberId() {
        if (!isMember()) {
            throw new IllegalStateException(this + " is a channel, not a member");
        }
        return channel.substring(MEMBER.length());
    }

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(channel, "channel");
        if (platform.isBlank() || channel.isBlank()) {
            throw new IllegalArgumentException("platform and channel must not be blank");
        }
    }

    @Override
    public String toString() {
        return platform + ":" + space + ":" + channel;
    }
}
