package dev.llmq.app;

import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.daily.DailyScheduler;
import dev.llmq.core.fsrs.Fsrs;
import dev.llmq.core.fsrs.FsrsParameters;
import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.LangPolicy;
import dev.llmq.core.port.out.DailyPublisher;
import dev.llmq.core.port.out.Store;
import dev.llmq.core.quiz.Decks;
import dev.llmq.core.quiz.Quizmaster;
import dev.llmq.core.settings.Preferences;
import dev.llmq.core.study.StoredStudyDesk;
import dev.llmq.core.study.Study;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one llmq process runs on, wired with {@code new} in this one place: the live question bank,
 * metrics, the store with the daily scheduler and desk, the quizmaster, and (for {@code run}) the
 * HTTP endpoints.
 */
final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Time is a dependency; the process runs on the system's UTC clock. */
    static final Clock CLOCK = Clock.systemUTC();

    final Config config;
    final LiveBank bank;
    final Metrics metrics;
    final DailyRuntime daily;
    final Quizmaster quizmaster;
    private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    private Optional<HttpEndpoints> http = Optional.empty();

    private App(Config config, LiveBank bank, Metrics metrics, DailyRuntime daily, Quizmaster quizmaster) {
        this.config = config;
        this.bank = bank;
        this.metrics = metrics;
        this.daily = daily;
        this.quizmaster = quizmaster;
        checks.put("bank", () -> bank.get().size() > 0);
        checks.put("store", () -> daily.store().reachable());
    }

    /**
     * Opens the store (creating and migrating it), builds the scheduler and the quizmaster. Nothing
     * runs until {@link #startScheduler()}.
     *
     * @param explicitLang the {@code --lang} option, which wins over LLMQ_DEFAULT_LANG
     */
    static App open(Config config, BankLocation location, QuestionBank initial, List<DailyPublisher> publishers,
                    Optional<Lang> explicitLang) throws IOException {
        return open(config, location, initial, publishers, explicitLang, StoreOpening.start(config.db(), CLOCK));
    }

    /** As above, on a store that is being opened already (start-up opens it first, while the bank loads). */
    static App open(Config config, BankLocation location, QuestionBank initial, List<DailyPublisher> publishers,
                    Optional<Lang> explicitLang, StoreOpening store) throws IOException {
        return open(config, location, initial, publishers, explicitLang, store, Sources.SYSTEM);
    }

    /** As above, with the time and chance of {@code sources}. */
    static App open(Config config, BankLocation location, QuestionBank initial, List<DailyPublisher> publishers,
                    Optional<Lang> explicitLang, StoreOpening store, Sources sources) throws IOException {
        Metrics metrics = new Metrics();
        StartupTimeline.step("metrics");
        LiveBank bank;
        try {
            bank = new LiveBank(location, initial, event -> metrics.bankReload(event));
        } catch (IOException | RuntimeException e) {
            metrics.close();
            store.discard();
            throw e;
        }
        Clock clock = sources.clock();
        Optional<Lang> defaultLang = explicitLang.or(config::defaultLang);
        List<DailyPublisher> metered = publishers.stream().map(p -> new MeteredPublisher(p, metrics))
                .collect(Collectors.toList());
        DailyRuntime daily;
        try {
            daily = DailyRuntime.open(store.await(), config.catchup(), bank, metered, clock, defaultLang.orElse(Lang.EN));
            daily.scheduler().observedBy(metrics.dailyObserver());
        } catch (RuntimeException e) {
            store.discard();
            bank.close();
            metrics.close();
            throw e;
        }
        // Each channel's deck lives in the store (restarts, replicas); a cache reads through in front of it.
        Decks decks = new Decks(sources.random().get(), clock, Duration.ofHours(1), 100_000,
                Optional.of(daily.store()));
        Quizmaster quizmaster = new Quizmaster(bank, decks, new LangPolicy(defaultLang), Optional.of(daily.desk()),
                Optional.of(daily.store()), clock).observedBy(metrics.observer());
        studyWith(quizmaster, daily.scheduler(), bank, daily.store(), clock, sources.random().get());
        return new App(config, bank, metrics, daily, quizmaster);
    }

    /**
     * Grades, reviews, settings, reminders and "forget me" in {@code store}; each member's and server's
     * settings cached for a minute (a change on another replica shows within that).
     */
    static Quizmaster studyWith(Quizmaster quizmaster, DailyScheduler scheduler, Supplier<QuestionBank> bank,
                                Store store, Clock clock, RandomGenerator fuzz) {
        Fsrs fsrs = new Fsrs(FsrsParameters.defaults());
        Preferences prefs = new Preferences(store, store, SETTINGS_FRESH);
        StoredStudyDesk desk = new StoredStudyDesk(bank, new Study(store, fsrs, fuzz), store, store, prefs, store, clock);
        scheduler.remindingWith(desk); // members' reminders go through the daily ledger
        return quizmaster.studiedWith(desk, prefs);
    }

    /** How long a member's or server's settings are cached. */
    static final Duration SETTINGS_FRESH = Duration.ofMinutes(1);

    void startScheduler() {
        daily.start();
    }

    /** Adds a readiness check (a platform's connection). */
    void check(String name, BooleanSupplier ready) {
        checks.put(name, ready);
    }

    /** Serves /healthz, /readyz and /metrics when LLMQ_HTTP_PORT is not {@code off}; returns the port. */
    Optional<Integer> startHttp() throws IOException {
        if (config.httpPort().isEmpty()) {
            return Optional.empty();
        }
        int port = config.httpPort().getAsInt();
        HttpEndpoints endpoints;
        try {
            endpoints = new HttpEndpoints("0.0.0.0", port, metrics.registry, checks);
        } catch (java.net.BindException e) {
            throw new IOException("port " + port + " is in use", e);
        }
        http = Optional.of(endpoints);
        return Optional.of(endpoints.port());
    }

    /** Stops the scheduler gracefully: posts in flight finish, claimed posts not started are handed back. */
    void stopScheduler() {
        daily.scheduler().close();
    }

    @Override
    public void close() {
        try {
            daily.close();
        } catch (RuntimeException e) {
            log.warn("closing the store: {}", e.toString());
        }
        http.ifPresent(HttpEndpoints::close);
        try {
            bank.close();
        } catch (IOException e) {
            log.debug("closing the bank watcher: {}", e.toString());
        }
        metrics.close();
    }
}
