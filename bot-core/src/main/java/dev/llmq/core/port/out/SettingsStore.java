package dev.llmq.core.port.out;

/** Settings per server (guild) or workspace. */
public interface SettingsStore {
    /** The space's settings, or {@link SpaceSettings#DEFAULTS}. */
    SpaceSettings settings(String platform, String space);

    void putSettings(String platform, String space, SpaceSettings settings);
}
