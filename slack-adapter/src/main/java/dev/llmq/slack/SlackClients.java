package dev.llmq.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/** Builds the SDK client the adapter uses, with our settings and nothing from the environment. */
final class SlackClients {
    /** Web API calls give up after this long (Slack answers in well under a second). */
    static final int CALL_TIMEOUT_MILLIS = 15_000;

    private SlackClients() {
    }

    static Slack slack(SlackSettings settings) {
        // A fresh config: SlackConfig.DEFAULT is immutable.
        SlackConfig config = new SlackConfig();
        // No rate-limit statistics in the background: this adapter paces its own posts.
        config.setStatsEnabled(false);
        // SlackConfig picks up HTTP(S)_PROXY by itself, which would capture even loopback calls; only an
        // explicitly configured proxy is used.
        config.setProxyUrl(settings.proxyUrl().orElse(null));
        settings.apiUrl().ifPresent(config::setMethodsEndpointUrlPrefix);
        config.setHttpClientCallTimeoutMillis(CALL_TIMEOUT_MILLIS);
        return Slack.getInstance(config);
    }
}
