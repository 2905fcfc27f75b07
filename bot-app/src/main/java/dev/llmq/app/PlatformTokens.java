package dev.llmq.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which chat platforms the environment configures (a token or its {@code _FILE} variant is set). */
final class PlatformTokens {
    private PlatformTokens() {
    }

    static List<String> configured(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        if (set(env, "DISCORD_TOKEN")) {
            out.add("Discord");
        }
        if (set(env, "SLACK_BOT_TOKEN") && set(env, "SLACK_APP_TOKEN")) {
            out.add("Slack");
        }
        return out;
    }

    static boolean anyConfigured(Map<String, String> env) {
        return !configured(env).isEmpty();
    }

    private static boolean set(Map<String, String> env, String name) {
        return notBlank(env.get(name)) || notBlank(env.get(name + "_FILE"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
