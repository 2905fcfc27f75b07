package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.StoredCard;
import dev.llmq.core.port.out.StudiedCard;
import dev.llmq.core.fsrs.Card;
import dev.llmq.core.fsrs.CardState;
import dev.llmq.core.fsrs.Grade;
import dev.llmq.core.fsrs.ReviewEntry;
import dev.llmq.core.fsrs.StudyKey;
import java.sql.Connection;
import dev.llmq.core.port.out.LoggedReview;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import javax.sql.DataSource;

/** Each member's FSRS cards ({@code study_cards}) and the whole review log ({@code review_log}). */
final class StudyTable extends SqlTable {
    private static final String CARD_COLUMNS = "state, step, stability, difficulty, due_at, last_review_at";

    StudyTable(DataSource ds, JdbcStore.Dialect dialect, String description) {
        super(ds, dialect, description);
    }

    public Optional<StoredCard> card(StudyKey key) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CARD_COLUMNS + ", reviews FROM study_cards "
                    + "WHERE platform = ? AND space = ? AND user_id = ? AND question_id = ?")) {
                key(ps, 1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredCard(card(rs), rs.getInt("reviews"))) : Optional.empty();
                }
            }
        });
    }

    public boolean recordReview(ReviewEntry e) {
        return tx(c -> {
            if (!writeCard(c, e)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_log (platform, space, user_id, "
                    + "question_id, review_number, grade, reviewed_at, state_before, step_before, stability_before, "
                    + "difficulty_before, due_before, last_review_before, state_after, step_after, stability_after, "
                    + "difficulty_after, due_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = key(ps, 1, e.key());
                ps.setInt(i++, e.number());
                ps.setInt(i++, e.grade().value());
                ps.setLong(i++, e.at().toEpochMilli());
                Optional<Card> b = e.before();
                ps.setString(i++, b.map(x -> x.state().name()).orElse(null));
                nullableInt(ps, i++, b.map(Card::step).orElse(OptionalInt.empty()));
                nullableDouble(ps, i++, b.map(Card::stability).orElse(OptionalDouble.empty()));
                nullableDouble(ps, i++, b.map(Card::difficulty).orElse(OptionalDouble.empty()));
                nullableLong(ps, i++, b.map(x -> x.due().toEpochMilli()));
                nullableLong(ps, i++, b.flatMap(Card::lastReview).map(Instant::toEpochMilli));
                Card a = e.after();
                ps.setString(i++, a.state().name());
                nullableInt(ps, i++, a.step());
                ps.setDouble(i++, a.stability().orElseThrow());
                ps.setDouble(i++, a.difficulty().orElseThrow());
                ps.setLong(i, a.due().toEpochMilli());
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** The card's new state, if it still has {@code number - 1} reviews (none: not there yet). */
    private static boolean writeCard(Connection c, ReviewEntry e) throws SQLException {
        Card a = e.after();
        if (e.number() == 1) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_cards (platform, space, user_id, "
                    + "question_id, " + CARD_COLUMNS + ", reviews) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                    + "ON CONFLICT (platform, space, user_id, question_id) DO NOTHING")) {
                int i = key(ps, 1, e.key());
                cardValues(ps, i, a);
                return ps.executeUpdate() == 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE study_cards SET state = ?, step = ?, stability = ?, "
                + "difficulty = ?, due_at = ?, last_review_at = ?, reviews = ? WHERE platform = ? AND space = ? "
                + "AND user_id = ? AND question_id = ? AND reviews = ?")) {
            int i = cardValues(ps, 1, a);
            ps.setInt(i++, e.number());
            i = key(ps, i, e.key());
            ps.setInt(i, e.number() - 1);
            return ps.executeUpdate() == 1;
        }
    }

    public List<StudiedCard> cards(String platform, String space, String user) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT question_id, " + CARD_COLUMNS + ", reviews "
                    + "FROM study_cards WHERE platform = ? AND space = ? AND user_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                ps.setString(3, user);
                List<StudiedCard> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StudiedCard(rs.getString("question_id"), card(rs), rs.getInt("reviews")));
                    }
                }
                return out;
            }
        });
    }

    public List<ReviewEntry> reviewLog(String platform, String space, String user) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM review_log WHERE platform = ? AND space = ? "
                    + "AND user_id = ? ORDER BY reviewed_at, question_id, review_number")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                ps.setString(3, user);
                List<ReviewEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StudyKey key = new StudyKey(platform, space, user, rs.getString("question_id"));
                        Instant at = Instant.ofEpochMilli(rs.getLong("reviewed_at"));
                        Optional<Card> before = rs.getString("state_before") == null ? Optional.empty()
                                : Optional.of(new Card(CardState.valueOf(rs.getString("state_before")),
                                        optInt(rs, "step_before"), optDouble(rs, "stability_before"),
                                        optDouble(rs, "difficulty_before"), Instant.ofEpochMilli(rs.getLong("due_before")),
                                        optLong(rs, "last_review_before").map(Instant::ofEpochMilli)));
                        Card after = new Card(CardState.valueOf(rs.getString("state_after")), optInt(rs, "step_after"),
                                OptionalDouble.of(rs.getDouble("stability_after")),
                                OptionalDouble.of(rs.getDouble("difficulty_after")),
                                Instant.ofEpochMilli(rs.getLong("due_after")), Optional.of(at));
                        out.add(new ReviewEntry(key, rs.getInt("review_number"), grade(rs.getInt("grade")), before, after));
                    }
                }
                return out;
            }
        });
    }

    /** The space's reviews in [from, until) of the members whose settings say leaderboard on; the others' stay here. */
    public List<LoggedReview> boardReviews(String platform, String space, Instant from, Instant until) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.user_id, r.question_id, r.grade, r.reviewed_at "
                    + "FROM review_log r JOIN user_settings s ON s.platform = r.platform AND s.user_id = r.user_id "
                    + "WHERE r.platform = ? AND r.space = ? AND r.reviewed_at >= ? AND r.reviewed_at < ? "
                    + "AND s.leaderboard <> 0 ORDER BY r.reviewed_at, r.user_id, r.question_id")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                ps.setLong(3, from.toEpochMilli());
                ps.setLong(4, until.toEpochMilli());
                List<LoggedReview> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LoggedReview(rs.getString(1), rs.getString(2), grade(rs.getInt(3)),
                                Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
                return out;
            }
        });
    }

    private static Grade grade(int value) {
        for (Grade g : Grade.values()) {
            if (g.value() == value) {
                return g;
            }
        }
        throw new IllegalStateException("no grade " + value + " in the review log");
    }

    /** A row of study_cards. */
    private static Card card(ResultSet rs) throws SQLException {
        return new Card(CardState.valueOf(rs.getString("state")), optInt(rs, "step"),
                OptionalDouble.of(rs.getDouble("stability")), OptionalDouble.of(rs.getDouble("difficulty")),
                Instant.ofEpochMilli(rs.getLong("due_at")), Optional.of(Instant.ofEpochMilli(rs.getLong("last_review_at"))));
    }

    private static int key(PreparedStatement ps, int i, StudyKey k) throws SQLException {
        ps.setString(i++, k.platform());
        ps.setString(i++, k.space());
        ps.setString(i++, k.user());
        ps.setString(i++, k.questionId());
        return i;
    }

    private static int cardValues(PreparedStatement ps, int i, Card a) throws SQLException {
        ps.setString(i++, a.state().name());
        nullableInt(ps, i++, a.step());
        ps.setDouble(i++, a.stability().orElseThrow());
        ps.setDouble(i++, a.difficulty().orElseThrow());
        ps.setLong(i++, a.due().toEpochMilli());
        ps.setLong(i++, a.lastReview().orElseThrow().toEpochMilli());
        return i;
    }

    private static void nullableInt(PreparedStatement ps, int i, OptionalInt v) throws SQLException {
        if (v.isPresent()) {
            ps.setInt(i, v.getAsInt());
        } else {
            ps.setNull(i, Types.INTEGER);
        }
    }

    private static void nullableDouble(PreparedStatement ps, int i, OptionalDouble v) throws SQLException {
        if (v.isPresent()) {
            ps.setDouble(i, v.getAsDouble());
        } else {
            ps.setNull(i, Types.DOUBLE);
        }
    }

    private static void nullableLong(PreparedStatement ps, int i, Optional<Long> v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, v.get());
        } else {
            ps.setNull(i, Types.BIGINT);
        }
    }

    private static OptionalInt optInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
    }

    private static OptionalDouble optDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static Optional<Long> optLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }
}
