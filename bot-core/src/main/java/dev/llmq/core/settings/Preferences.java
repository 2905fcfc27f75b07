package dev.llmq.core.settings;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.llmq.core.port.in.Origin;
import dev.llmq.core.port.out.SettingsStore;
import dev.llmq.core.port.out.SpaceSettings;
import dev.llmq.core.port.out.UserSettings;
import dev.llmq.core.port.out.UserSettingsStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members' and servers' settings, read through a cache so that the language of a reply costs no
 * store read once a member has been seen. A change made here is seen here at once; one made on
 * another replica is seen within {@code fresh} (the cache forgets entries that old).
 */
public final class Preferences {
    private static final Logger log = LoggerFactory.getLogger(Preferences.class);
    private final UserSettingsStore users;
    private final SettingsStore spaces;
    private final LoadingCache<List<String>, UserSettings> userCache;
    private final LoadingCache<List<String>, SpaceSettings> spaceCache;
    /** Background reads: one virtual thread each (a read waits on the store, never on the CPU). */
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

    public Preferences(UserSettingsStore users, SettingsStore spaces, Duration fresh) {
        this.users = Objects.requireNonNull(users);
        this.spaces = Objects.requireNonNull(spaces);
        this.userCache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(fresh)
                .build(k -> users.userSettings(k.get(0), k.get(1)));
        this.spaceCache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(fresh)
                .build(k -> spaces.settings(k.get(0), k.get(1)));
    }

    /**
     * Reads the member's and the space's settings into the cache if they are not there. A store
     * failure is logged, and the reply goes on without them (a reply in the platform's language
     * beats none).
     */
    public void load(Origin origin) {
        try {
            user(origin);
            space(origin);
        } catch (RuntimeException e) {
            log.warn("settings of {} not read: {}", origin.user(), e.toString());
        }
    }

    /** Reads the member's and the space's settings into the cache in the background, if they are not there. */
    public void loadLater(Origin origin) {
        if (!cached(origin)) {
            CompletableFuture.runAsync(() -> load(origin), background);
        }
    }

    /** True when answering {@code origin} needs no store read for settings. */
    public boolean cached(Origin origin) {
        return userCache.getIfPresent(userKey(origin)) != null && spaceCache.getIfPresent(spaceKey(origin)) != null;
    }

    /** The member's settings; reads the store when they are not cached. */
    public UserSettings user(Origin origin) {
        return userCache.get(userKey(origin));
    }

    /** The member's settings if cached (never waits on the store). */
    public Optional<UserSettings> userIfCached(Origin origin) {
        return Optional.ofNullable(userCache.getIfPresent(userKey(origin)));
    }

    /** The server's or workspace's settings; reads the store when they are not cached. */
    public SpaceSettings space(Origin origin) {
        return spaceCache.get(spaceKey(origin));
    }

    /** The space's settings if cached (never waits on the store). */
    public Optional<SpaceSettings> spaceIfCached(Origin origin) {
        return Optional.ofNullable(spaceCache.getIfPresent(spaceKey(origin)));
    }

    public void putUser(Origin origin, UserSettings settings) {
        users.putUserSettings(origin.platform(), origin.user(), settings);
        userCache.put(userKey(origin), settings);
    }

    public void putSpace(Origin origin, SpaceSettings settings) {
        spaces.putSettings(origin.platform(), origin.space(), settings);
        spaceCache.put(spaceKey(origin), settings);
    }

    /** Drops what is cached of the member (after "forget me"). */
    public void forget(Origin origin) {
        userCache.invalidate(userKey(origin));
    }

    /** UTC as a region id, so that it reads "UTC" (ZoneOffset.UTC reads "Z"). */
    public static final ZoneId UTC = ZoneId.of("UTC");

    /** The member's zone: their setting, then the platform's zone for them, then UTC. */
    public ZoneId zone(Origin origin) {
        return zone(user(origin), origin);
    }

    public static ZoneId zone(UserSettings settings, Origin origin) {
        return settings.zone().or(origin::userZone).orElse(UTC);
    }

    private static List<String> userKey(Origin o) {
        return List.of(o.platform(), o.user());
    }

    private static List<String> spaceKey(Origin o) {
        return List.of(o.platform(), o.space());
    }
}
