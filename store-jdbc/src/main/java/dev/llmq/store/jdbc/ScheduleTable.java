package dev.llmq.store.jdbc;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Schedules: one per channel, found by their next fire time. */
final class ScheduleTable extends SqlTable {
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

    private final Clock clock;

    ScheduleTable(DataSource ds, JdbcStore.Dialect dialect, String description, Clock clock) {
        super(ds, dialect, description);
        this.clock = clock;
    }

    // ------------------------------------------------------------------ schedules

    static final String SCHEDULE_COLS = "s.platform, s.channel, s.space, s.local_time, s.zone_id, s.weekdays, "
            + "s.topics, s.lang, s.thread, s.reveal_after_s, s.created_by, s.next_fire_at, st.default_lang";
    static final String SCHEDULE_FROM = " FROM schedules s LEFT JOIN space_settings st"
            + " ON st.platform = s.platform AND st.space = s.space";

    public void putSchedule(Schedule s, Instant nextFireAt) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_SCHEDULE)) {
                bindSchedule(ps, s, nextFireAt);
                ps.executeUpdate();
            }
            return null;
        });
    }

    static final String UPSERT_SCHEDULE = "INSERT INTO schedules (platform, channel, space, local_time, "
            + "zone_id, weekdays, topics, lang, thread, reveal_after_s, created_by, created_at, next_fire_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, channel) DO UPDATE SET "
            + "space = excluded.space, local_time = excluded.local_time, zone_id = excluded.zone_id, "
            + "weekdays = excluded.weekdays, topics = excluded.topics, lang = excluded.lang, "
            + "thread = excluded.thread, reveal_after_s = excluded.reveal_after_s, "
            + "created_by = excluded.created_by, created_at = excluded.created_at, "
            + "next_fire_at = excluded.next_fire_at";

    /** Binds the 13 parameters of {@link #UPSERT_SCHEDULE}. */
    private void bindSchedule(PreparedStatement ps, Schedule s, Instant nextFireAt) throws SQLException {
        int i = 1;
        ps.setString(i++, s.channel().platform());
        ps.setString(i++, s.channel().channel());
        ps.setString(i++, s.channel().space());
        ps.setString(i++, s.time().toString());
        ps.setString(i++, s.zone().getId());
        ps.setString(i++, encodeDays(s.weekdays()));
        ps.setString(i++, String.join(" ", s.topics()));
        setNullable(ps, i++, s.lang().map(Lang::code).orElse(null));
        ps.setInt(i++, s.thread() ? 1 : 0);
        setNullableLong(ps, i++, s.revealAfter().map(Duration::getSeconds).orElse(null));
        ps.setString(i++, s.createdBy());
        ps.setLong(i++, clock.millis());
        ps.setLong(i, nextFireAt.toEpochMilli());
    }

    /** Creates or replaces many schedules in one transaction (imports, benchmarks). */
    public void putSchedules(List<StoredSchedule> schedules) {
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_SCHEDULE)) {
                int n = 0;
                for (StoredSchedule st : schedules) {
                    bindSchedule(ps, st.schedule(), st.nextFireAt());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public boolean removeSchedule(ChannelRef channel) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM schedules WHERE platform = ? AND channel = ?")) {
                ps.setString(1, channel.platform());
                ps.setString(2, channel.channel());
                return ps.executeUpdate() > 0;
            }
        });
    }

    public Optional<StoredSchedule> schedule(ChannelRef channel) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SCHEDULE_COLS + SCHEDULE_FROM
                    + " WHERE s.platform = ? AND s.channel = ?")) {
                ps.setString(1, channel.platform());
                ps.setString(2, channel.channel());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(schedule(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<StoredSchedule> schedules(String platform, String space) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SCHEDULE_COLS + SCHEDULE_FROM
                    + " WHERE s.platform = ? AND s.space = ? ORDER BY s.channel")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                List<StoredSchedule> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        try {
                            out.add(schedule(rs));
                        } catch (RuntimeException e) {
                            log.error("unreadable schedule row {}:{}: {}", platform, rs.getString("channel"), e.toString());
                        }
                    }
                }
                return out;
            }
        });
    }

    public Optional<Instant> nextFireAt() {
        return auto(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT MIN(next_fire_at) FROM schedules")) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
            }
        });
    }

    static StoredSchedule schedule(ResultSet rs) throws SQLException {
        ChannelRef ref = new ChannelRef(rs.getString("platform"), rs.getString("space"), rs.getString("channel"));
        String topics = rs.getString("topics");
        long reveal = rs.getLong("reveal_after_s");
        Optional<Duration> revealAfter = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(reveal));
        Schedule s = new Schedule(ref, LocalTime.parse(rs.getString("local_time")), ZoneId.of(rs.getString("zone_id")),
                decodeDays(rs.getString("weekdays")),
                topics == null || topics.isBlank() ? List.of() : Arrays.asList(topics.strip().split(" +")),
                lang(rs.getString("lang")), rs.getInt("thread") != 0, revealAfter, rs.getString("created_by"));
        return new StoredSchedule(s, Instant.ofEpochMilli(rs.getLong("next_fire_at")), lang(rs.getString("default_lang")));
    }

    private static String encodeDays(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    private static Set<DayOfWeek> decodeDays(String s) {
        EnumSet<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : s.split(",")) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().substring(0, 3).equalsIgnoreCase(part.strip())) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    static Optional<Lang> lang(String code) {
        return code == null ? Optional.empty() : Lang.parse(code);
    }
}
