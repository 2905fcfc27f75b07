package dev.llmq.core.schedule;

import java.util.Objects;

/** A channel on a platform: where a daily question goes. */
public record ChannelRef(String platform, String space, String channel) {
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
