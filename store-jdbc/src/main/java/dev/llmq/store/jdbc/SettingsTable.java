package dev.llmq.store.jdbc;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.port.out.SpaceSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Each server's or workspace's settings (default language, public reveals). */
final class SettingsTable extends SqlTable {
    SettingsTable(DataSource ds, JdbcStore.Dialect dialect, String description) {
        super(ds, dialect, description);
    }

    public SpaceSettings settings(String platform, String space) {
        return auto(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT default_lang, public_reveals, zone FROM space_settings "
                    + "WHERE platform = ? AND space = ?")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new SpaceSettings(ScheduleTable.lang(rs.getString(1)), rs.getInt(2) != 0,
                            zone(rs.getString(3))) : SpaceSettings.DEFAULTS;
                }
            }
        });
    }

    /** A zone as stored; one this JDK does not know (written by a newer one) reads as none, so UTC. */
    private static Optional<ZoneId> zone(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public void putSettings(String platform, String space, SpaceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO space_settings (platform, space, default_lang, "
                    + "public_reveals, zone) VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, space) DO UPDATE SET "
                    + "default_lang = excluded.default_lang, public_reveals = excluded.public_reveals, "
                    + "zone = excluded.zone")) {
                ps.setString(1, platform);
                ps.setString(2, space);
                setNullable(ps, 3, settings.defaultLang().map(Lang::code).orElse(null));
                ps.setInt(4, settings.publicReveals() ? 1 : 0);
                setNullable(ps, 5, settings.zone().map(ZoneId::getId).orElse(null));
                return ps.executeUpdate();
            }
        });
    }
}
