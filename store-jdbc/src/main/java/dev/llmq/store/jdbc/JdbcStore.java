package dev.llmq.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.llmq.core.port.out.ClaimPlanner;
import dev.llmq.core.port.out.DeckState;
import dev.llmq.core.port.out.Fence;
import dev.llmq.core.port.out.Lease;
import dev.llmq.core.port.out.NewPost;
import dev.llmq.core.port.out.NowClaim;
import dev.llmq.core.port.out.PostRecord;
import dev.llmq.core.port.out.PostState;
import dev.llmq.core.port.out.Published;
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.port.out.StoreException;
import dev.llmq.core.port.out.StoredSchedule;
import dev.llmq.core.port.out.UserProgress;
import dev.llmq.core.schedule.ChannelRef;
import dev.llmq.core.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The store on JDBC. SQLite (the default; one file, WAL, a busy timeout, write transactions
 * begun IMMEDIATE) and PostgreSQL (pooled by HikariCP; due rows locked {@code FOR UPDATE SKIP
 * LOCKED} so replicas never wait for each other) run the same SQL and the same Flyway migrations.
 * This class opens, migrates and closes the database; the work is done by one class per
 * aggregate ({@link ScheduleTable}, {@link PostTable}, {@link DeckTable}, {@link ProgressTable},
 * {@link SettingsTable}) on one small SQL helper ({@link SqlTable}).
 */
public final class JdbcStore implements Store {
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** How long a starting PostgreSQL may take to accept us (a database starting beside the bot). */
    static volatile long initializationFailTimeoutMs = 10_000;

    enum Dialect {
        SQLITE("", "rowid"), POSTGRES(" FOR UPDATE SKIP LOCKED", "ctid");

        final String skipLocked;
        final String rowId;

        Dialect(String skipLocked, String rowId) {
            this.skipLocked = skipLocked;
            this.rowId = rowId;
        }

        String lock() {
            return this == POSTGRES ? " FOR UPDATE" : "";
        }
    }

    private final DataSource ds;
    private final AutoCloseable pool;
    private final Dialect dialect;
    private final String description;
    private final ScheduleTable schedules;
    private final PostTable ledger;
    private final ProgressTable progress;
    private final SettingsTable settings;
    private final DeckTable decks;
    private final StudyTable study;
    private final UserTable users;

    JdbcStore(DataSource ds, AutoCloseable pool, Dialect dialect, String description, Clock clock) {
        this.ds = ds;
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
        this.schedules = new ScheduleTable(ds, dialect, description, clock);
        this.ledger = new PostTable(ds, dialect, description, schedules);
        this.progress = new ProgressTable(ds, dialect, description);
        this.settings = new SettingsTable(ds, dialect, description);
        this.decks = new DeckTable(ds, dialect, description);
        this.study = new StudyTable(ds, dialect, description);
        this.users = new UserTable(ds, dialect, description);
    }

    // ------------------------------------------------------------------ opening

    /** Opens (creating when needed) and migrates the database. Errors name the file or URL. */
    public static JdbcStore open(DbConfig config, Clock clock) {
        if (config.isSqlite()) {
            return openSqlite(config, clock);
        }
        return openPostgres(config, clock);
    }

    private static JdbcStore openSqlite(DbConfig config, Clock clock) {
        String target;
        String where = config.describe();
        if (config.isMemory()) {
            target = config.url().substring("jdbc:sqlite:".length());
        } else {
            Path file = config.sqlitePath();
            prepareFile(file);
            target = file + config.sqliteOptions();
        }
        SQLiteConfig sc = new SQLiteConfig();
        sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sc.setBusyTimeout(BUSY_TIMEOUT_MS);
        sc.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sds = new SQLiteDataSource(sc);
        sds.setUrl("jdbc:sqlite:" + target);
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(sds);
        hc.setPoolName("llmq-sqlite");
        hc.setMaximumPoolSize(config.isMemory() ? 1 : 4);
        if (config.isMemory()) {
            hc.setMaxLifetime(0);
            hc.setIdleTimeout(0);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw sqliteError(where, e);
        }
        JdbcStore store = new JdbcStore(pool, pool, Dialect.SQLITE, where, clock);
        try {
            store.migrate();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw sqliteError(where, e);
        }
    }

    /** Creates the file's directory and refuses what SQLite could not use, naming the path. */
    private static void prepareFile(Path file) {
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new StoreException("cannot use the database " + file + ": it is a directory, not a file "
                    + "(set LLMQ_DB_URL=jdbc:sqlite:PATH to a file)");
        }
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StoreException("cannot create the directory " + dir + " for the database " + file + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
            }
            if (!Files.isWritable(dir)) {
                throw new StoreException("cannot write the database " + file + ": the directory " + dir
                        + " is not writable");
            }
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new StoreException("cannot write the database " + file + ": the file is not writable");
        }
    }

    private static StoreException sqliteError(String where, Throwable e) {
        if (e instanceof StoreException se) {
            return se;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sq) {
                SQLiteErrorCode code = sq.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                    return new StoreException("cannot open the database " + where.replaceFirst("^SQLite ", "")
                            + ": the file is not a valid SQLite database (corrupt, or another kind of file); move it "
                            + "away to start afresh or set LLMQ_DB_URL to another file", e);
                }
                if (code.name().startsWith("SQLITE_READONLY") || code.name().startsWith("SQLITE_CANTOPEN")
                        || code.name().startsWith("SQLITE_PERM") || code.name().startsWith("SQLITE_IOERR")) {
                    return new StoreException("cannot write the database " + where.replaceFirst("^SQLite ", "")
                            + " (" + code.name() + ": " + sq.getMessage() + ")", e);
                }
            }
        }
        return new StoreException("cannot open the database " + where.replaceFirst("^SQLite ", "") + ": " + e.getMessage(), e);
    }

    private static JdbcStore openPostgres(DbConfig config, Clock clock) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        config.user().ifPresent(hc::setUsername);
        config.password().ifPresent(hc::setPassword);
        hc.setPoolName("llmq-postgres");
        hc.setMaximumPoolSize(10);
        hc.setMinimumIdle(2);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(initializationFailTimeoutMs);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + config.describe() + ": " + rootMessage(e), e);
        }
        JdbcStore store = new JdbcStore(pool, pool, Dialect.POSTGRES, config.describe(), clock);
        try {
            store.migrate();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw new StoreException("cannot prepare " + config.describe() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * The newest migration in {@code db/migration} ({@code V<n>__*.sql}). A test checks it against
     * the files, so a new migration without it fails the build.
     */
    static final int SCHEMA_VERSION = 6;

    private void migrate() {
        boolean current;
        try (java.sql.Connection c = ds.getConnection()) {
            current = schemaIsCurrent(c);
        } catch (java.sql.SQLException e) {
            current = false; // Flyway will say what is wrong
        }
        if (current) {
            log.info("store ready (schema version {}): {}", SCHEMA_VERSION, description);
            return;
        }
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        log.info("store ready: {}", description);
    }

    /**
     * Whether Flyway has applied every migration of this build, all successfully. Then start-up
     * does not run Flyway at all: it would find nothing to do, and loading it and scanning the
     * jar for migrations is most of the time it takes to open a store (docs/benchmarks.md,
     * Start-up). A store with no history, a failed migration or another version goes to Flyway,
     * which migrates, or refuses with its own message.
     */
    static boolean schemaIsCurrent(java.sql.Connection c) {
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(
                     "select version, success from flyway_schema_history where version is not null")) {
            int newest = 0;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
            }
            return newest == SCHEMA_VERSION;
        } catch (java.sql.SQLException | NumberFormatException e) { // no history table yet, or not ours
            return false;
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            log.warn("closing {}: {}", description, e.toString());
        }
    }

    // ------------------------------------------------------------------ for the tests and benchmarks

    /** Runs {@code work} on a connection of this store, in autocommit mode. */
    <T> T auto(SqlTable.SqlWork<T> work) {
        return schedules.auto(work);
    }

    /** Creates or replaces many schedules in one transaction (imports, benchmarks). */
    public void putSchedules(List<StoredSchedule> many) {
        schedules.putSchedules(many);
    }

    // ------------------------------------------------------------------ the ports, by aggregate

    @Override
    public void putSchedule(Schedule s, Instant nextFireAt) {
        schedules.putSchedule(s, nextFireAt);
    }

    @Override
    public boolean removeSchedule(ChannelRef channel) {
        return schedules.removeSchedule(channel);
    }

    @Override
    public Optional<StoredSchedule> schedule(ChannelRef channel) {
        return schedules.schedule(channel);
    }

    @Override
    public List<StoredSchedule> schedules(String platform, String space) {
        return schedules.schedules(platform, space);
    }

    @Override
    public Optional<Instant> nextFireAt() {
        return schedules.nextFireAt();
    }

    @Override
    public List<PostRecord> claimDue(Instant now, int limit, Lease lease, ClaimPlanner planner) {
        return ledger.claimDue(now, limit, lease, planner);
    }

    @Override
    public NowClaim claimNow(ChannelRef channel, LocalDate date, Lease lease, Function<DeckState, NewPost> draw) {
        return ledger.claimNow(channel, date, lease, draw);
    }

    @Override
    public List<PostRecord> takeRetries(Instant now, int limit, Lease lease) {
        return ledger.takeRetries(now, limit, lease);
    }

    @Override
    public List<PostRecord> takeReveals(Instant now, int limit, Lease lease) {
        return ledger.takeReveals(now, limit, lease);
    }

    @Override
    public boolean markSent(ChannelRef channel, LocalDate date, Fence fence, Published where, Instant postedAt,
                            int attempts) {
        return ledger.markSent(channel, date, fence, where, postedAt, attempts);
    }

    @Override
    public boolean renewSend(ChannelRef channel, LocalDate date, Fence fence, Instant until) {
        return ledger.renewSend(channel, date, fence, until);
    }

    @Override
    public boolean renewReveal(ChannelRef channel, LocalDate date, Fence fence, Instant until) {
        return ledger.renewReveal(channel, date, fence, until);
    }

    @Override
    public boolean markUnknown(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt,
                               String error) {
        return ledger.markUnknown(channel, date, fence, attempts, retryAt, error);
    }

    @Override
    public boolean markRetry(ChannelRef channel, LocalDate date, Fence fence, int attempts, Instant retryAt,
                             String error) {
        return ledger.markRetry(channel, date, fence, attempts, retryAt, error);
    }

    @Override
    public boolean markGivenUp(ChannelRef channel, LocalDate date, Fence fence, PostState state, int attempts,
                               String error) {
        return ledger.markGivenUp(channel, date, fence, state, attempts, error);
    }

    @Override
    public boolean markRevealed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts) {
        return ledger.markRevealed(channel, date, fence, answerAttempts);
    }

    @Override
    public boolean markRevealRetry(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts,
                                   Instant retryAt, String error) {
        return ledger.markRevealRetry(channel, date, fence, answerAttempts, retryAt, error);
    }

    @Override
    public boolean markRevealFailed(ChannelRef channel, LocalDate date, Fence fence, int answerAttempts, String error) {
        return ledger.markRevealFailed(channel, date, fence, answerAttempts, error);
    }

    @Override
    public Optional<PostRecord> post(ChannelRef channel, LocalDate date) {
        return ledger.post(channel, date);
    }

    @Override
    public List<PostRecord> posts(ChannelRef channel) {
        return ledger.posts(channel);
    }

    @Override
    public boolean replaceDeck(ChannelRef channel, DeckState expected, DeckState next) {
        return decks.replace(channel, expected, next);
    }

    @Override
    public DeckState deck(ChannelRef channel) {
        return ledger.deck(channel);
    }

    @Override
    public void recordReveal(String platform, String space, String user, String questionId, Instant at) {
        progress.recordReveal(platform, space, user, questionId, at);
    }

    @Override
    public List<UserProgress> progress(String platform, String space, String user) {
        return progress.progress(platform, space, user);
    }

    @Override
    public Optional<dev.llmq.core.port.out.StoredCard> card(dev.llmq.core.fsrs.StudyKey key) {
        return study.card(key);
    }

    @Override
    public boolean recordReview(dev.llmq.core.fsrs.ReviewEntry entry) {
        return study.recordReview(entry);
    }

    @Override
    public List<dev.llmq.core.port.out.StudiedCard> cards(String platform, String space, String user) {
        return study.cards(platform, space, user);
    }

    @Override
    public dev.llmq.core.port.out.UserSettings userSettings(String platform, String user) {
        return users.userSettings(platform, user);
    }

    @Override
    public void putUserSettings(String platform, String user, dev.llmq.core.port.out.UserSettings settings) {
        users.putUserSettings(platform, user, settings);
    }

    @Override
    public int forgetUser(String platform, String user) {
        return users.forgetUser(platform, user);
    }

    @Override
    public List<dev.llmq.core.fsrs.ReviewEntry> reviewLog(String platform, String space, String user) {
        return study.reviewLog(platform, space, user);
    }

    @Override
    public List<dev.llmq.core.port.out.LoggedReview> boardReviews(String platform, String space, Instant from,
                                                                  Instant until) {
        return study.boardReviews(platform, space, from, until);
    }

    @Override
    public SpaceSettings settings(String platform, String space) {
        return this.settings.settings(platform, space);
    }

    @Override
    public void putSettings(String platform, String space, SpaceSettings settings) {
        this.settings.putSettings(platform, space, settings);
    }
}
