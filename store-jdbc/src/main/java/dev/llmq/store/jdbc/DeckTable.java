package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.schedule.ChannelRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Each channel's daily-question history: the questions asked in the current round. */
final class DeckTable extends SqlTable {
    DeckTable(javax.sql.DataSource ds, JdbcStore.Dialect dialect, String description) {
        super(ds, dialect, description);
    }

    /** The channel's history (its row locked on PostgreSQL), or {@link DeckState#EMPTY}. */
    DeckState read(Connection c, ChannelRef channel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT deck_round, asked, last_question FROM channel_decks "
                + "WHERE platform = ? AND channel = ?" + dialect.lock())) {
            ps.setString(1, channel.platform());
            ps.setString(2, channel.channel());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? deck(rs) : DeckState.EMPTY;
            }
        }
    }

    static DeckState deck(ResultSet rs) throws SQLException {
        String asked = rs.getString("asked");
        return new DeckState(rs.getInt("deck_round"),
                asked == null || asked.isBlank() ? Set.of() : Set.of(asked.strip().split(" +")),
                Optional.ofNullable(rs.getString("last_question")));
    }

    void write(Connection c, Map<ChannelRef, DeckState> decks) throws SQLException {
        if (decks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_decks (platform, channel, deck_round, asked, "
                + "last_question) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, channel) DO UPDATE SET "
                + "deck_round = excluded.deck_round, asked = excluded.asked, last_question = excluded.last_question")) {
            for (Map.Entry<ChannelRef, DeckState> e : decks.entrySet()) {
                ps.setString(1, e.getKey().platform());
                ps.setString(2, e.getKey().channel());
                ps.setInt(3, e.getValue().round());
                ps.setString(4, encode(e.getValue()));
                setNullable(ps, 5, e.getValue().last().orElse(null));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The conditional update of a draw: {@code next} replaces {@code expected} only if the row still
     * holds it ({@link DeckState#EMPTY}: only if there is no row). Rounds only grow and the asked set
     * only grows within a round, so a deck never comes back to a state it left: comparing the
     * state is as good as a version.
     */
    boolean replace(ChannelRef channel, DeckState expected, DeckState next) {
        return auto(c -> {
            if (expected.equals(DeckState.EMPTY)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO channel_decks (platform, channel, deck_round, "
                        + "asked, last_question) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, channel) DO NOTHING")) {
                    ps.setString(1, channel.platform());
                    ps.setString(2, channel.channel());
                    ps.setInt(3, next.round());
                    ps.setString(4, encode(next));
                    setNullable(ps, 5, next.last().orElse(null));
                    return ps.executeUpdate() == 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE channel_decks SET deck_round = ?, asked = ?, "
                    + "last_question = ? WHERE platform = ? AND channel = ? AND deck_round = ? AND asked = ? "
                    + "AND last_question IS NOT DISTINCT FROM ?")) {
                ps.setInt(1, next.round());
                ps.setString(2, encode(next));
                setNullable(ps, 3, next.last().orElse(null));
                ps.setString(4, channel.platform());
                ps.setString(5, channel.channel());
                ps.setInt(6, expected.round());
                ps.setString(7, encode(expected));
                setNullable(ps, 8, expected.last().orElse(null));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String encode(DeckState d) {
        return String.join(" ", new TreeSet<>(d.asked()));
    }
}
