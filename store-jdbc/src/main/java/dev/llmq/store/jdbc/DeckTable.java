package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.schedule.ChannelRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Each channel's daily-question history: the questions asked in the current round. */
final class DeckTable extends SqlTable {
    private static final int IN_CHUNK = 200;

    DeckTable(javax.sql.DataSource ds, JdbcStore.Dialect dialect, String description) {
        super(ds, dialect, description);
    }

    /** The history of the given channels (locked on PostgreSQL), read in chunks. */
    Map<ChannelRef, DeckState> read(Connection c, List<ChannelRef> channels) throws SQLException {
        Map<ChannelRef, DeckState> out = new HashMap<>();
        Map<String, List<ChannelRef>> byPlatform = channels.stream().collect(Collectors.groupingBy(ChannelRef::platform));
        for (Map.Entry<String, List<ChannelRef>> e : byPlatform.entrySet()) {
            Map<String, ChannelRef> byChannel = new HashMap<>();
            e.getValue().forEach(r -> byChannel.put(r.channel(), r));
            List<String> ids = new ArrayList<>(byChannel.keySet());
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = chunk.stream().map(x -> "?").collect(Collectors.joining(", "));
                try (PreparedStatement ps = c.prepareStatement("SELECT channel, deck_round, asked, last_question "
                        + "FROM channel_decks WHERE platform = ? AND channel IN (" + marks + ")" + dialect.lock())) {
                    ps.setString(1, e.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(byChannel.get(rs.getString(1)), deck(rs));
                        }
                    }
                }
            }
        }
        return out;
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
                ps.setString(4, String.join(" ", new TreeSet<>(e.getValue().asked())));
                setNullable(ps, 5, e.getValue().last().orElse(null));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
