package dev.llmq.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.FsrsParameters;
import dev.llmq.core.fsrs.Grade;
import dev.llmq.core.fsrs.StudyKey;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.UserSettings;
import dev.llmq.core.study.Study;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Forget me" leaves no row of the member in any table. The test does not trust the store's own
 * list: it reads every table and every text column from the database's catalogue and looks for the
 * member's id in each, before (so that the check can fail) and after.
 */
class ForgetMeTest {
    static final String GONE = "u-forget-7";
    static final String STAYS = "u-stays-8";

    @TempDir
    Path dir;

    @Test
    void onSqliteForgetMeLeavesNoRowOfTheMemberInAnyTable() throws SQLException {
        forgetMeLeavesNoRowOfTheMemberInAnyTable(TestDatabases.sqlite(dir));
    }

    @Test
    void onPostgresForgetMeLeavesNoRowOfTheMemberInAnyTable() throws SQLException {
        forgetMeLeavesNoRowOfTheMemberInAnyTable(TestDatabases.postgres());
    }

    private static void forgetMeLeavesNoRowOfTheMemberInAnyTable(DbConfig db) throws SQLException {
        Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
        try (JdbcStore store = JdbcStore.open(db, Clock.systemUTC())) {
            Study study = new Study(store, new Fsrs(FsrsParameters.defaults()), new SplittableRandom(3));
            for (String user : List.of(GONE, STAYS)) {
                for (String space : List.of("g1", "g2")) {
                    study.grade(new StudyKey("discord", space, user, "q1"), Grade.GOOD, t0);
                    study.grade(new StudyKey("discord", space, user, "q2"), Grade.AGAIN, t0);
                    store.recordReveal("discord", space, user, "q1", t0);
                }
                store.putUserSettings("discord", user, new UserSettings(Optional.of(Lang.ZH),
                        Optional.of(ZoneId.of("Asia/Shanghai")), Optional.of(LocalTime.of(19, 30)), true, true));
            }
            // a reminder: its schedule, and a day of it in the daily ledger (with its deck)
            dev.llmq.core.schedule.ChannelRef dm = dev.llmq.core.schedule.ChannelRef.member("discord", "g1", GONE);
            dev.llmq.core.schedule.Schedule remind = new dev.llmq.core.schedule.Schedule(dm, LocalTime.of(19, 30),
                    ZoneId.of("Asia/Shanghai"), dev.llmq.core.schedule.Schedule.EVERY_DAY, List.of(), Optional.of(Lang.ZH),
                    false, Optional.empty(), GONE);
            store.putSchedule(remind, t0);
            store.claimNow(dm, java.time.LocalDate.parse("2026-12-01"), new dev.llmq.core.port.out.Lease("me",
                    t0.plusSeconds(60)), deck -> new dev.llmq.core.port.out.NewPost(java.time.LocalDate.parse("2026-12-01"),
                    t0, "reminder", Lang.ZH, false, Optional.empty(), deck));
            // the same id on another platform is another person
            study.grade(new StudyKey("slack", "T1", GONE, "q1"), Grade.GOOD, t0);

            Map<String, Integer> before = rowsMentioning(db, GONE);
            TreeSet<String> known = new TreeSet<>(UserTable.MEMBER_TABLES);
            known.addAll(UserTable.REMINDER_TABLES);
            assertTrue(known.containsAll(before.keySet()) && before.keySet().containsAll(UserTable.MEMBER_TABLES)
                            && before.containsKey("schedules") && before.containsKey("daily_posts"),
                    "the tables that hold the member's rows are the store's lists " + known + ": " + before);

            int deleted = store.forgetUser("discord", GONE);

            assertEquals(before.values().stream().mapToInt(Integer::intValue).sum() - 2, deleted,
                    "every row but the Slack card and its log line");
            Map<String, Integer> after = rowsMentioning(db, GONE);
            assertEquals(Map.of("study_cards", 1, "review_log", 1), after, "only the Slack card and its log line");
            assertEquals(UserSettings.DEFAULTS, store.userSettings("discord", GONE));
            assertEquals(2, store.cards("discord", "g1", STAYS).size(), "another member keeps theirs");
            assertEquals(Optional.of(Lang.ZH), store.userSettings("discord", STAYS).lang());
        }
    }

    /** For every table with a row whose text column contains {@code value}: how many such rows. */
    static Map<String, Integer> rowsMentioning(DbConfig db, String value) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user().orElse(null), db.password().orElse(null))) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || schema.equals("public")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertTrue(tables.size() >= 8, "the catalogue lists the store's tables: " + tables);
            for (String table : tables) {
                List<String> text = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
                    while (rs.next()) {
                        int type = rs.getInt("DATA_TYPE");
                        String typeName = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                        if (type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR
                                || typeName.contains("char") || typeName.contains("text")) {
                            text.add(rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                if (text.isEmpty()) {
                    continue;
                }
                // anywhere in the text: a reminder's channel is "@" + the id
                String where = String.join(" OR ", text.stream().map(col -> "\"" + col + "\" LIKE ?").toList());
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"" + table + "\" WHERE " + where)) {
                    for (int i = 1; i <= text.size(); i++) {
                        ps.setString(i, "%" + value + "%");
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            out.put(table, rs.getInt(1));
                        }
                    }
                }
            }
        }
        return out;
    }
}
