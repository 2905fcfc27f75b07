package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.UserSettings;
import dev.llmq.core.schedule.ChannelRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Each member's settings ({@code user_settings}), and "forget me": every table that holds a
 * member's rows is in {@link #MEMBER_TABLES}, and all of them are emptied of the member at once.
 */
final class UserTable extends SqlTable {
    /** The tables with a {@code user_id} column. A new one must be added here, or forget-me leaves it behind. */
    static final List<String> MEMBER_TABLES = List.of("study_cards", "review_log", "user_progress", "user_settings");
    /** The tables keyed by channel where a member's reminder ({@link ChannelRef#member}) has rows. */
    static final List<String> REMINDER_TABLES = List.of("schedules", "daily_posts", "channel_decks");

    UserTable(DataSource ds, JdbcStore.Dialect dialect, String description) {
        super(ds, dialect, description);
    }

    public UserSettings userSettings(String platform, String user) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT lang, zone, remind_at, streaks, leaderboard "
                    + "FROM user_settings WHERE platform = ? AND user_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, user);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return UserSettings.DEFAULTS;
                    }
                    return new UserSettings(ScheduleTable.lang(rs.getString(1)), zone(rs.getString(2)),
                            Optional.ofNullable(rs.getString(3)).map(LocalTime::parse), rs.getInt(4) != 0,
                            rs.getInt(5) != 0);
                }
            }
        });
    }

    /** A zone the running JDK no longer knows reads as none (the platform's, then UTC) rather than failing every reply. */
    private static Optional<ZoneId> zone(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public void putUserSettings(String platform, String user, UserSettings s) {
        Objects.requireNonNull(s, "settings");
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_settings (platform, user_id, lang, zone, "
                    + "remind_at, streaks, leaderboard) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) "
                    + "DO UPDATE SET lang = excluded.lang, zone = excluded.zone, remind_at = excluded.remind_at, "
                    + "streaks = excluded.streaks, leaderboard = excluded.leaderboard")) {
                ps.setString(1, platform);
                ps.setString(2, user);
                setNullable(ps, 3, s.lang().map(l -> l.code()).orElse(null));
                setNullable(ps, 4, s.zone().map(ZoneId::getId).orElse(null));
                setNullable(ps, 5, s.remindAt().map(LocalTime::toString).orElse(null));
                ps.setInt(6, s.streaks() ? 1 : 0);
                ps.setInt(7, s.leaderboard() ? 1 : 0);
                return ps.executeUpdate();
            }
        });
    }

    public int forgetUser(String platform, String user) {
        String reminder = ChannelRef.member(platform, "", user).channel();
        return tx(c -> {
            int rows = 0;
            for (String table : MEMBER_TABLES) {
                rows += delete(c, "DELETE FROM " + table + " WHERE platform = ? AND user_id = ?", platform, user);
            }
            for (String table : REMINDER_TABLES) {
                rows += delete(c, "DELETE FROM " + table + " WHERE platform = ? AND channel = ?", platform, reminder);
            }
            return rows;
        });
    }

    private static int delete(Connection c, String sql, String platform, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, platform);
            ps.setString(2, key);
            return ps.executeUpdate();
        }
    }
}
