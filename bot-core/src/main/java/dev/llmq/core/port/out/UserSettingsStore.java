package dev.llmq.core.port.out;

/** Each member's settings, per platform. */
public interface UserSettingsStore {
    /** The member's settings, or {@link UserSettings#DEFAULTS} when they never set any. */
    UserSettings userSettings(String platform, String user);

    void putUserSettings(String platform, String user, UserSettings settings);
}
