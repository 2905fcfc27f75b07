package dev.llmq.store.jdbc;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.UserProgress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each user's progress and each space's settings. */
final class ProgressTable extends SqlTable {
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);
    private final Clock clock;

    ProgressTable(DataSource ds, JdbcStore.Dialect dialect, String description, Clock clock) {
        super(ds, dialect, description);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ progress and settings

    public void recordReveal(String platform, String space, String user, String questionId, Instant at) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_progress (platform, space, user_id, "
                    + "question_id, reveals, first_revealed_at, last_revealed_at) VALUES (?, ?, ?, ?, 1, ?, ?) "
                    + "ON CONFLICT (platform, space, user_id, question_id) DO UPDATE SET "
                    + "reveals = user_progress.reveals + 1, last_revealed_at = excluded.last_revealed_at")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                ps.setString(3, user);
                ps.setString(4, questionId);
                ps.setLong(5, at.toEpochMilli());
                ps.setLong(6, at.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public List<UserProgress> progress(String platform, String space, String user) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT question_id, reveals, first_revealed_at, "
                    + "last_revealed_at, grade FROM user_progress WHERE platform = ? AND space = ? AND user_id = ? "
                    + "ORDER BY last_revealed_at DESC, question_id")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                ps.setString(3, user);
                List<UserProgress> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int grade = rs.getInt("grade");
                        out.add(new UserProgress(rs.getString("question_id"), rs.getInt("reveals"),
                                Instant.ofEpochMilli(rs.getLong("first_revealed_at")),
                                Instant.ofEpochMilli(rs.getLong("last_revealed_at")),
                                rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(grade)));
                    }
                }
                return out;
            }
        });
    }

    public SpaceSettings settings(String platform, String space) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT default_lang, public_reveals FROM space_settings "
                    + "WHERE platform = ? AND space = ?")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new SpaceSettings(ScheduleTable.lang(rs.getString(1)), rs.getInt(2) != 0) : SpaceSettings.DEFAULTS;
                }
            }
        });
    }

    public void putSettings(String platform, String space, SpaceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO space_settings (platform, space, default_lang, "
                    + "public_reveals) VALUES (?, ?, ?, ?) ON CONFLICT (platform, space) DO UPDATE SET "
                    + "default_lang = excluded.default_lang, public_reveals = excluded.public_reveals")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                setNullable(ps, 3, settings.defaultLang().map(Lang::code).orElse(null));
                ps.setInt(4, settings.publicReveals() ? 1 : 0);
                return ps.executeUpdate();
            }
        });
    }
}
