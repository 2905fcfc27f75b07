package dev.llmq.store.jdbc;

import dev.llmq.core.port.out.StoreException;
import dev.llmq.core.schedule.ChannelRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one small SQL helper every table class of the store extends: the data source, the dialect,
 * transactions ({@link #tx}) and autocommit work ({@link #auto}), and the parameter and column
 * helpers. Errors become {@link StoreException}s that name the database.
 */
abstract class SqlTable {
    final DataSource ds;
    final JdbcStore.Dialect dialect;
    final String description;

    SqlTable(DataSource ds, JdbcStore.Dialect dialect, String description) {
        this.ds = ds;
        this.dialect = dialect;
        this.description = description;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction (on SQLite a write transaction, BEGIN IMMEDIATE). */
    <T> T tx(SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in autocommit mode: each statement is its own transaction (no write lock
     * held across statements on SQLite, one round trip less on PostgreSQL).
     */
    <T> T auto(SqlWork<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(description + ": " + e.getMessage(), e);
        }
    }

    static void setKey(PreparedStatement ps, int from, ChannelRef channel, LocalDate date) throws SQLException {
        ps.setString(from, channel.platform());
        ps.setString(from + 1, channel.channel());
        ps.setString(from + 2, date.toString());
    }

    static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return optionalLong(rs, column).map(Instant::ofEpochMilli);
    }
}
