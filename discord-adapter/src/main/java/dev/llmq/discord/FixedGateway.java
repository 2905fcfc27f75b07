package dev.llmq.discord;

import java.util.Objects;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * A session controller that connects to a fixed gateway ({@code DISCORD_GATEWAY_URL}), for a
 * gateway proxy or a test server. JDA appends {@code ?encoding=json&v=10} (and the compression).
 */
final class FixedGateway extends ConcurrentSessionController {
    private final String url;

    FixedGateway(String url) {
        this.url = Objects.requireNonNull(url);
    }

    @Override
    public String getGateway() {
        return url;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        return new ShardedGateway(url, 1);
    }
}
