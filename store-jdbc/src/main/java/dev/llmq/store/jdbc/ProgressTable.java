package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.UserProgress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.sql.DataSource;

/** Each user's progress: which answers they revealed, and when. */
final class ProgressTable extends SqlTable {
    ProgressTable(DataSource ds, JdbcStore.Dialect dialect, String description) {
        super(ds, dialect, description);
    }

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
}
