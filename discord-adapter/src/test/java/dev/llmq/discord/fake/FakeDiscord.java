package dev.llmq.discord.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small Discord on 127.0.0.1 for end-to-end tests with the real JDA: the REST API on the JDK's
 * HttpServer and the gateway on Java-WebSocket (JSON, with or without zlib-stream compression).
 *
 * <p>It holds one server ("Study Group") with three text channels ({@link #general},
 * {@link #daily}, {@link #readOnly} where the bot may not write), three roles (@everyone,
 * Mods with Manage Server, the bot's managed role) and three users (an {@link #admin} with the
 * Mods role, a plain {@link #member} and the {@link #owner}). It records every request, answers
 * like Discord (messages echoed with ids, threads, 401 without the token, 429 on demand,
 * deduplicated nonces), and notes protocol problems (unknown routes, a message without
 * {@code allowed_mentions.parse = []}) in {@link #problems()}.
 */
public final class FakeDiscord implements AutoCloseable {
    // ---------------------------------------------------------------- permissions (Discord bit numbers)
    public static final long MANAGE_GUILD = 1L << 5;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;
    public static final long CREATE_PUBLIC_THREADS = 1L << 35;
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final long EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY
            | USE_APPLICATION_COMMANDS | SEND_MESSAGES_IN_THREADS;

    /** A user of the fake server. */
    public record User(long id, String name, List<Long> roles, String locale) {
        public User withLocale(String newLocale) {
            return new User(id, name, roles, newLocale);
        }
    }

    /** A file the bot attached to a message (a {@code files[n]} part of a multipart request). */
    public record FilePart(String field, String fileName, String contentType, byte[] bytes) {
    }

    /**
     * One HTTP request as the fake received it. For a multipart request (a message with files),
     * {@code body} is its {@code payload_json} part and {@code files} are its file parts.
     */
    public record Req(String method, String path, String query, Map<String, String> headers, String body, long nanos,
                      List<FilePart> files) {
        public DataObject json() {
            return DataObject.fromJson(body);
        }

        public DataArray jsonArray() {
            return DataArray.fromJson(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " " + body;
        }
    }

    /** An interaction the fake dispatched; its callback arrives over REST. */
    public static final class Interaction {
        public final long id;
        public final String token;
        public final long channelId;
        public final long sentNanos;
        final CompletableFuture<Req> callback = new CompletableFuture<>();
        final CompletableFuture<Req> originalEdit = new CompletableFuture<>();
        volatile DataObject original;

        Interaction(long id, String token, long channelId, long sentNanos) {
            this.id = id;
            this.token = token;
            this.channelId = channelId;
            this.sentNanos = sentNanos;
        }

        /** The {@code POST interactions/{id}/{token}/callback} request. */
        public Req awaitCallback(Duration timeout) {
            return await(callback, timeout, "the callback of interaction " + id);
        }

        final CompletableFuture<Req> originalDeleted = new CompletableFuture<>();
        final CompletableFuture<Req> followUp = new CompletableFuture<>();

        /** The first follow-up message ({@code POST webhooks/{app}/{token}}). */
        public Req awaitFollowUp(Duration timeout) {
            return await(followUp, timeout, "a follow-up of interaction " + id);
        }

        /** The {@code DELETE webhooks/.../messages/@original} of a deferred reply, if the bot removed it. */
        public Req awaitOriginalDeleted(Duration timeout) {
            return await(originalDeleted, timeout, "the @original delete of interaction " + id);
        }

        /** The body of the {@code PATCH webhooks/.../messages/@original} that finishes a deferred reply. */
        public Req awaitOriginalEdit(Duration timeout) {
            return await(originalEdit, timeout, "the @original edit of interaction " + id);
        }

        public CompletableFuture<Req> callbackFuture() {
            return callback;
        }

        /**
         * The reply as the user sees it: the callback's message, or, when the bot deferred, the edit
         * of @original that finishes it, with the defer's flags (the edit cannot change them).
         */
        public DataObject reply(Duration timeout) {
            DataObject body = awaitCallback(timeout).json();
            if (body.getInt("type") != 5) {
                return body.getObject("data");
            }
            // Finished by an edit of @original, or (a private answer to a public defer) by a follow-up.
            await(CompletableFuture.anyOf(originalEdit, followUp), timeout, "the answer to deferred interaction " + id);
            if (!originalEdit.isDone()) {
                return followUp.join().json();
            }
            DataObject edit = originalEdit.join().json();
            int deferred = body.optObject("data").map(d -> d.getInt("flags", 0)).orElse(0);
            return edit.put("flags", edit.getInt("flags", 0) | deferred);
        }

        /**
         * When the answer reached the fake ({@link System#nanoTime()}): the callback, or for a
         * deferred reply the edit of @original or the follow-up that finished it.
         */
        public long answeredNanos(Duration timeout) {
            Req cb = awaitCallback(timeout);
            if (cb.json().getInt("type") != 5) {
                return cb.nanos();
            }
            await(CompletableFuture.anyOf(originalEdit, followUp), timeout, "the answer to deferred interaction " + id);
            return (originalEdit.isDone() ? originalEdit.join() : followUp.join()).nanos();
        }

        /** The message the callback created (as the fake stored it), for pressing its buttons. */
        public DataObject message() {
            return original;
        }
    }

    private static <T> T await(CompletableFuture<T> f, Duration timeout, String what) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " within " + timeout.toMillis() + " ms");
        } catch (Exception e) {
            throw new AssertionError(what + " failed", e);
        }
    }

    // ---------------------------------------------------------------- the world
    public final long appId = Snowflakes.next();
    public final long botId = appId;
    public final long guildId = Snowflakes.next();
    public final long modsRole = Snowflakes.next();
    public final long botRole = Snowflakes.next();
    public final long general = Snowflakes.next();
    public final long daily = Snowflakes.next();
    public final long readOnly = Snowflakes.next();
    public final User owner = new User(Snowflakes.next(), "owner", List.of(), "en-US");
    public final User admin = new User(Snowflakes.next(), "ada", List.of(modsRole), "en-US");
    public final User member = new User(Snowflakes.next(), "bob", List.of(), "en-US");

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final HttpServer http;
    private final ExecutorService httpPool;
    private final Gateway gateway;
    private final List<Req> requests = new ArrayList<>();
    private volatile boolean recording = true;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Map<Long, DataObject> channels = new ConcurrentHashMap<>();
    private final Map<Long, List<DataObject>> messages = new ConcurrentHashMap<>();
    private final Map<String, Nonced> byNonce = new ConcurrentHashMap<>();
    /** How long Discord remembers an enforced nonce ("in the past few minutes"): after that a repeat is a new message. */
    public static final Duration NONCE_WINDOW = Duration.ofMinutes(5);
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();

    private record Nonced(DataObject message, java.time.Instant at) {
    }

    /** The clock the nonce window is measured by; tests move it to show what happens after the window. */
    public void clock(java.time.Clock clock) {
        this.clock = clock;
    }
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<String, Long> commandIds = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger historyReads = new AtomicInteger();

    /** How many times the bot read a channel's history (GET /channels/{id}/messages). */
    public int historyReads() {
        return historyReads.get();
    }
    private volatile Predicate<Req> rateLimitWhich = r -> false;
    private volatile double retryAfterSeconds = 0.3;

    public FakeDiscord(String... botTokens) throws IOException, InterruptedException {
        tokens.addAll(List.of(botTokens));
        channels.put(general, textChannel(general, "general", 0, List.of()));
        channels.put(daily, textChannel(daily, "daily-question", 1, List.of()));
        // @everyone and the bot may read but not write here.
        channels.put(readOnly, textChannel(readOnly, "announcements-archive", 2, List.of(
                overwrite(guildId, 0, 0, SEND_MESSAGES), overwrite(botRole, 0, 0, SEND_MESSAGES))));
        httpPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        });
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
        http.setExecutor(httpPool);
        http.createContext("/", this::handle);
        http.start();
        gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
        gateway.setReuseAddr(true);
        gateway.setDaemon(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the fake gateway did not start");
        }
    }

    private volatile Duration postDelay = Duration.ZERO;

    /**
     * From now on a channel message is stored at once but answered only after {@code d}: the
     * window in which a client that dies has delivered a post without learning so.
     */
    public void delayPosts(Duration d) {
        postDelay = d;
    }

    /** Adds a text channel everyone may write in (before the bot connects: it is in the guild's channels); returns its id. */
    public long addTextChannel(String name) {
        long id = Snowflakes.next();
        channels.put(id, textChannel(id, name, channels.size(), List.of()));
        return id;
    }

    /** The REST base, for {@code DISCORD_API_URL}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    /** The gateway, for {@code DISCORD_GATEWAY_URL}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    public String guild() {
        return Long.toUnsignedString(guildId);
    }

    @Override
    public void close() {
        http.stop(0);
        httpPool.shutdownNow();
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stop recording requests and checking bodies (for the benchmark): interaction callbacks are
     * still delivered to their futures, with the same small cost whatever their size.
     */
    public void recording(boolean on) {
        recording = on;
    }

    // ---------------------------------------------------------------- what happened

    public List<Req> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Req> requests(String method, String pathRegex) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().matches(pathRegex))
                .collect(Collectors.toList());
    }

    /** Waits for a request matching {@code which} (one already received counts). */
    public Req awaitRequest(Predicate<Req> which, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                for (Req r : requests) {
                    if (which.test(r)) {
                        return r;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching request within " + timeout.toMillis() + " ms; got:\n"
                            + requests.stream().map(Req::toString).collect(Collectors.joining("\n")));
                }
                try {
                    requests.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Protocol problems seen so far (unknown routes, bad bodies, messages that could mention someone). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Forgets the problems seen so far (each test checks its own). */
    public void clearProblems() {
        problems.clear();
    }

    /** The direct messages the bot sent {@code user}, oldest first (none when it never opened a DM with them). */
    public List<DataObject> directMessages(User user) {
        Long dm = dmChannels.get(user.id());
        return dm == null ? List.of() : messages(dm);
    }

    /** Each user's direct-message channel with the bot, once opened (users/@me/channels). */
    private final Map<Long, Long> dmChannels = new ConcurrentHashMap<>();

    /** The messages the bot posted in a channel (deduplicated by nonce, as Discord does). */
    public List<DataObject> messages(long channelId) {
        return List.copyOf(messages.getOrDefault(channelId, List.of()));
    }

    /** Threads the bot opened, by id. */
    public List<DataObject> threads() {
        return channels.values().stream().filter(c -> c.getInt("type") == 11).collect(Collectors.toList());
    }

    /** The IDENTIFY payloads received, in order. */
    public List<DataObject> identifies() {
        return List.copyOf(gateway.identifies);
    }

    /**
     * Waits for the next READY the gateway sends (to a new session) and returns when it was sent
     * ({@link System#nanoTime()}): for the start-up benchmark.
     */
    public long awaitReadySent(Duration timeout) throws InterruptedException {
        Long at = gateway.readies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (at == null) {
            throw new AssertionError("no READY sent within " + timeout.toMillis() + " ms");
        }
        return at;
    }

    /** The RESUME payloads received, in order. */
    public List<DataObject> resumes() {
        return List.copyOf(gateway.resumes);
    }

    /**
     * A gateway connection that ended: its WebSocket close code (1000 when the client said goodbye,
     * 1006 when the connection just dropped), whether the client closed it, and when.
     */
    public record Close(int code, boolean byClient, long atNanos) {
    }

    private final List<Close> gatewayCloses = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every gateway connection that has ended, oldest first. */
    public List<Close> gatewayCloses() {
        return List.copyOf(gatewayCloses);
    }

    public List<String> gatewayConnections() {
        return List.copyOf(gateway.connections);
    }

    /** The next {@code count} requests matching {@code which} get a 429 with {@code retry_after}. */
    public void rateLimit(Predicate<Req> which, int count, double retryAfter) {
        rateLimitWhich = which;
        retryAfterSeconds = retryAfter;
        rateLimited.set(count);
    }

    /** Closes the bot's gateway connection without a close frame, as a network failure would. */
    public void dropGateway() {
        gateway.drop();
    }

    /** Waits until a session is connected and has received READY or RESUMED after {@code count} RESUMEs. */
    public void awaitResumed(int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (gateway.resumed.get() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no RESUMED number " + count + " within " + timeout.toMillis() + " ms");
            }
            sleep(5);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- interactions

    /** An option of a slash command: {@code type} 3 string, 4 integer, 5 boolean, 7 channel. */
    public static DataObject opt(String name, int type, Object value) {
        return DataObject.empty().put("name", name).put("type", type).put("value", value);
    }

    /** A slash command from {@code user} in {@code channel}. */
    public Interaction slash(User user, long channel, String command, DataObject... options) {
        return interact(null, user, channel, 2, commandData(command, DataArray.fromCollection(List.of(options))));
    }

    /** A subcommand ({@code /llmq-daily set ...}). */
    public Interaction subcommand(User user, long channel, String command, String sub, DataObject... options) {
        DataObject subOption = DataObject.empty().put("name", sub).put("type", 1)
                .put("options", DataArray.fromCollection(List.of(options)));
        DataObject data = commandData(command, DataArray.empty().add(subOption));
        DataObject resolved = DataObject.empty();
        for (DataObject o : options) {
            if (o.getInt("type") == 7) {
                long id = Long.parseUnsignedLong(o.getString("value"));
                resolved.put(o.getString("value"), resolvedChannel(id));
            }
        }
        if (!resolved.keys().isEmpty()) {
            data.put("resolved", DataObject.empty().put("channels", resolved));
        }
        return interact(null, user, channel, 2, data);
    }

    /** The user is typing option {@code focused} of {@code command} (in subcommand {@code sub}, or null). */
    public Interaction autocomplete(User user, long channel, String command, String sub, String focused, String typed) {
        DataObject option = DataObject.empty().put("name", focused).put("type", 3).put("value", typed).put("focused", true);
        DataArray options = DataArray.empty().add(option);
        if (sub != null) {
            options = DataArray.empty().add(DataObject.empty().put("name", sub).put("type", 1).put("options", options));
        }
        return interact(null, user, channel, 4, commandData(command, options));
    }

    /** {@code user} presses the button {@code customId} on {@code message}. */
    public Interaction button(User user, DataObject message, String customId) {
        DataObject data = DataObject.empty().put("custom_id", customId).put("component_type", 2);
        return interact(null, user, message.getUnsignedLong("channel_id"), 3, data, message);
    }

    /** The same, dispatched on the session of {@code token} (when several bots are connected). */
    public Interaction slashAs(String token, User user, long channel, String command, DataObject... options) {
        return interact(token, user, channel, 2, commandData(command, DataArray.fromCollection(List.of(options))));
    }

    /** All custom ids of the buttons on a message. */
    public static List<String> buttonIds(DataObject message) {
        List<String> ids = new ArrayList<>();
        DataArray rows = message.optArray("components").orElseGet(DataArray::empty);
        for (int i = 0; i < rows.length(); i++) {
            DataArray comps = rows.getObject(i).optArray("components").orElseGet(DataArray::empty);
            for (int j = 0; j < comps.length(); j++) {
                comps.getObject(j).opt("custom_id").ifPresent(id -> ids.add(id.toString()));
            }
        }
        return ids;
    }

    private DataObject commandData(String command, DataArray options) {
        return DataObject.empty().put("id", Long.toUnsignedString(commandIds.computeIfAbsent(command, c -> Snowflakes.next())))
                .put("name", command).put("type", 1).put("options", options).put("guild_id", guild());
    }

    private Interaction interact(String token, User user, long channel, int type, DataObject data) {
        return interact(token, user, channel, type, data, null);
    }

    private Interaction interact(String botToken, User user, long channelId, int type, DataObject data, DataObject message) {
        long id = Snowflakes.next();
        String token = "itk-" + Long.toUnsignedString(id) + "-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        DataObject d = DataObject.empty()
                .put("id", Long.toUnsignedString(id))
                .put("application_id", Long.toUnsignedString(appId))
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                .put("guild_id", guild())
                .put("guild", DataObject.empty().put("id", guild()).put("locale", "en-US").put("features", DataArray.empty()))
                .put("guild_locale", "en-US")
                .put("channel_id", Long.toUnsignedString(channelId))
                .put("channel", channelFor(channelId, user))
                .put("member", memberJson(user).put("permissions", Long.toString(permissions(user, channelId))))
                .put("locale", user.locale())
                .put("app_permissions", Long.toString(permissionsOfBot(channelId)))
                .put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("0", guild()))
                .put("context", 0)
                .put("attachment_size_limit", 10 << 20)
                .put("data", data);
        if (message != null) {
            d.put("message", message);
        }
        Interaction i = new Interaction(id, token, channelId, System.nanoTime());
        interactions.put(token, i);
        gateway.dispatch(botToken, "INTERACTION_CREATE", d);
        return i;
    }

    private DataObject channelFor(long channelId, User user) {
        DataObject c = DataObject.fromJson(channels.get(channelId).toJson());
        return c.put("permissions", Long.toString(permissions(user, channelId)));
    }

    private DataObject resolvedChannel(long id) {
        DataObject c = channels.get(id);
        return DataObject.empty().put("id", c.getString("id")).put("name", c.getString("name"))
                .put("type", c.getInt("type")).put("permissions", Long.toString(EVERYONE_PERMISSIONS))
                .put("guild_id", guild());
    }

    // ---------------------------------------------------------------- permissions

    long rolePermissions(long role) {
        if (role == guildId) {
            return EVERYONE_PERMISSIONS;
        }
        if (role == modsRole) {
            return EVERYONE_PERMISSIONS | MANAGE_GUILD;
        }
        if (role == botRole) {
            return VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | CREATE_PUBLIC_THREADS
                    | SEND_MESSAGES_IN_THREADS;
        }
        return 0;
    }

    long permissions(User user, long channelId) {
        if (user.id() == owner.id()) {
            return ~0L >>> 1;
        }
        long p = rolePermissions(guildId);
        for (long r : user.roles()) {
            p |= rolePermissions(r);
        }
        return applyOverwrites(p, channelId, user.roles());
    }

    long permissionsOfBot(long channelId) {
        long p = rolePermissions(guildId) | rolePermissions(botRole);
        return applyOverwrites(p, channelId, List.of(botRole));
    }

    private long applyOverwrites(long p, long channelId, List<Long> roles) {
        DataObject c = channels.get(channelId);
        if (c == null || !c.hasKey("permission_overwrites")) {
            return p;
        }
        DataArray ow = c.getArray("permission_overwrites");
        for (int i = 0; i < ow.length(); i++) {
            DataObject o = ow.getObject(i);
            long target = o.getUnsignedLong("id");
            if (target == guildId || roles.contains(target)) {
                p &= ~Long.parseLong(o.getString("deny"));
                p |= Long.parseLong(o.getString("allow"));
            }
        }
        return p;
    }

    // ---------------------------------------------------------------- payloads

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    DataObject botUser() {
        return DataObject.empty().put("id", Long.toUnsignedString(botId)).put("username", "llmq")
                .put("discriminator", "0").put("global_name", null).put("avatar", null).put("bot", true)
                .put("system", false).put("public_flags", 0).put("flags", 0).put("verified", true)
                .put("mfa_enabled", false).put("banner", null).put("accent_color", null);
    }

    private static DataObject userJson(User u) {
        return DataObject.empty().put("id", Long.toUnsignedString(u.id())).put("username", u.name())
                .put("discriminator", "0").put("global_name", u.name()).put("avatar", null).put("public_flags", 0);
    }

    private DataObject memberJson(User u) {
        return DataObject.empty().put("user", userJson(u))
                .put("roles", DataArray.fromCollection(u.roles().stream().map(Long::toUnsignedString).collect(Collectors.toList())))
                .put("joined_at", "2025-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).put("nick", null).put("avatar", null)
                .put("premium_since", null).put("communication_disabled_until", null);
    }

    private DataObject botMember() {
        return DataObject.empty().put("user", botUser())
                .put("roles", DataArray.empty().add(Long.toUnsignedString(botRole)))
                .put("joined_at", "2025-01-02T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).put("nick", null).put("avatar", null)
                .put("premium_since", null).put("communication_disabled_until", null);
    }

    private DataObject role(long id, String name, int position, long permissions, boolean managed) {
        DataObject r = DataObject.empty().put("id", Long.toUnsignedString(id)).put("name", name)
                .put("color", 0)
                .put("colors", DataObject.empty().put("primary_color", 0).put("secondary_color", null).put("tertiary_color", null))
                .put("hoist", false).put("icon", null).put("unicode_emoji", null).put("position", position)
                .put("permissions", Long.toString(permissions)).put("managed", managed).put("mentionable", false)
                .put("flags", 0);
        if (managed) {
            r.put("tags", DataObject.empty().put("bot_id", Long.toUnsignedString(botId)));
        }
        return r;
    }

    private static DataObject overwrite(long id, int type, long allow, long deny) {
        return DataObject.empty().put("id", Long.toUnsignedString(id)).put("type", type)
                .put("allow", Long.toString(allow)).put("deny", Long.toString(deny));
    }

    private DataObject textChannel(long id, String name, int position, List<DataObject> overwrites) {
        return DataObject.empty().put("id", Long.toUnsignedString(id)).put("type", 0).put("guild_id", guild())
                .put("name", name).put("position", position)
                .put("permission_overwrites", DataArray.fromCollection(overwrites))
                .put("topic", null).put("nsfw", false).put("last_message_id", null).put("rate_limit_per_user", 0)
                .put("parent_id", null).put("default_auto_archive_duration", 1440).put("flags", 0);
    }

    DataObject guildCreate() {
        DataArray chans = DataArray.empty();
        channels.values().stream().filter(c -> c.getInt("type") == 0).forEach(chans::add);
        return DataObject.empty()
                .put("id", guild()).put("name", "Study Group").put("icon", null).put("splash", null)
                .put("discovery_splash", null).put("owner_id", Long.toUnsignedString(owner.id()))
                .put("afk_channel_id", null).put("afk_timeout", 300).put("verification_level", 1)
                .put("default_message_notifications", 1).put("explicit_content_filter", 0)
                .put("roles", DataArray.empty()
                        .add(role(guildId, "@everyone", 0, EVERYONE_PERMISSIONS, false))
                        .add(role(modsRole, "Mods", 1, rolePermissions(modsRole), false))
                        .add(role(botRole, "llmq", 2, rolePermissions(botRole), true)))
                .put("emojis", DataArray.empty()).put("stickers", DataArray.empty()).put("features", DataArray.empty())
                .put("mfa_level", 0).put("application_id", null).put("system_channel_id", null)
                .put("system_channel_flags", 0).put("rules_channel_id", null).put("max_presences", null)
                .put("max_members", 500000).put("vanity_url_code", null).put("description", null).put("banner", null)
                .put("premium_tier", 0).put("premium_subscription_count", 0).put("preferred_locale", "en-US")
                .put("public_updates_channel_id", null).put("safety_alerts_channel_id", null)
                .put("max_video_channel_users", 25).put("nsfw_level", 0).put("premium_progress_bar_enabled", false)
                .put("joined_at", "2025-01-02T00:00:00.000000+00:00").put("large", false).put("unavailable", false)
                .put("member_count", 4).put("voice_states", DataArray.empty())
                .put("members", DataArray.empty().add(botMember()))
                .put("channels", chans).put("threads", DataArray.empty()).put("presences", DataArray.empty())
                .put("stage_instances", DataArray.empty()).put("guild_scheduled_events", DataArray.empty())
                .put("soundboard_sounds", DataArray.empty()).put("embedded_activities", DataArray.empty());
    }

    DataObject ready(String sessionId) {
        return DataObject.empty().put("v", 10).put("user", botUser())
                .put("guilds", DataArray.empty().add(DataObject.empty().put("id", guild()).put("unavailable", true)))
                .put("session_id", sessionId)
                .put("resume_gateway_url", "ws://127.0.0.1:" + gateway.getPort() + "/resume")
                .put("application", DataObject.empty().put("id", Long.toUnsignedString(appId)).put("flags", 0))
                .put("private_channels", DataArray.empty()).put("relationships", DataArray.empty())
                .put("presences", DataArray.empty()).put("guild_join_requests", DataArray.empty())
                .put("geo_ordered_rtc_regions", DataArray.empty()).put("session_type", "normal")
                .put("_trace", DataArray.empty().add("[\"fake-discord\"]"));
    }

    /** A message as Discord returns it, from a request body. */
    private DataObject message(long channelId, DataObject body, int type) {
        DataArray embeds = body.optArray("embeds").orElseGet(DataArray::empty);
        DataArray stored = DataArray.empty();
        for (int i = 0; i < embeds.length(); i++) {
            DataObject e = embeds.getObject(i);
            if (!e.hasKey("type")) {
                e.put("type", "rich");
            }
            stored.add(e);
        }
        DataArray components = body.optArray("components").orElseGet(DataArray::empty);
        AtomicInteger componentId = new AtomicInteger();
        for (int i = 0; i < components.length(); i++) {
            DataObject row = components.getObject(i);
            row.put("id", componentId.incrementAndGet());
            DataArray inner = row.optArray("components").orElseGet(DataArray::empty);
            for (int j = 0; j < inner.length(); j++) {
                inner.getObject(j).put("id", componentId.incrementAndGet());
            }
        }
        DataObject m = DataObject.empty()
                .put("id", Long.toUnsignedString(Snowflakes.next())).put("channel_id", Long.toUnsignedString(channelId))
                .put("guild_id", guild()).put("author", botUser()).put("content", body.getString("content", ""))
                .put("timestamp", now()).put("edited_timestamp", null).put("tts", false).put("mention_everyone", false)
                .put("mentions", DataArray.empty()).put("mention_roles", DataArray.empty())
                .put("attachments", DataArray.empty()).put("embeds", stored).put("components", components)
                .put("pinned", false).put("type", type).put("flags", body.getInt("flags", 0));
        if (body.hasKey("nonce")) {
            m.put("nonce", body.get("nonce"));
        }
        if (body.hasKey("message_reference")) {
            m.put("message_reference", body.getObject("message_reference"));
        }
        return m;
    }

    // ---------------------------------------------------------------- REST

    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern ORIGINAL = Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOWUP = Pattern.compile("webhooks/(\\d+)/([^/]+)");
    private static final Pattern COMMANDS = Pattern.compile("applications/(\\d+)(/guilds/(\\d+))?/commands");
    private static final Pattern POST_MESSAGE = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern THREAD_FROM_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads");

    private void handle(HttpExchange ex) {
        long nanos = System.nanoTime();
        try (ex) {
            String raw = ex.getRequestURI().getRawPath();
            byte[] bytes = ex.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
            String type = headers.getOrDefault("content-type", "");
            List<FilePart> files = List.of();
            String body;
            if (type.startsWith("multipart/form-data")) {
                List<FilePart> parts = Multipart.parse(type, bytes);
                body = parts.stream().filter(f -> f.field().equals("payload_json")).findFirst()
                        .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElse("{}");
                files = parts.stream().filter(f -> f.field().startsWith("files[")).toList();
            } else {
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            if (!raw.startsWith("/api/v10/")) {
                problems.add("request outside /api/v10/: " + raw);
                respond(ex, 404, "{\"message\": \"404: Not Found\", \"code\": 0}");
                return;
            }
            Req req = new Req(ex.getRequestMethod(), raw.substring("/api/v10/".length()), ex.getRequestURI().getRawQuery(),
                    headers, body, nanos, files);
            if (recording) {
                record(req);
            }
            route(ex, req);
        } catch (RuntimeException | IOException e) {
            problems.add("fake failed: " + e);
            try {
                respond(ex, 500, "{\"message\": \"500: Internal Server Error\", \"code\": 0}");
            } catch (IOException ignored) {
                // the client is gone
            }
        }
    }

    private void record(Req req) {
        synchronized (requests) {
            requests.add(req);
            requests.notifyAll();
        }
    }

    private void route(HttpExchange ex, Req req) throws IOException {
        String m = req.method();
        String p = req.path();
        Matcher match;
        if ((match = CALLBACK.matcher(p)).matches() && m.equals("POST")) {
            callback(ex, req, match.group(2));
            return;
        }
        if ((match = ORIGINAL.matcher(p)).matches() && m.equals("PATCH")) {
            Interaction i = interactions.get(match.group(2));
            if (i == null) {
                respond(ex, 404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}");
                return;
            }
            DataObject body = req.json();
            checkMentions("PATCH @original", body);
            DataObject msg = attach(message(i.channelId, body, 20), req);
            i.original = msg;
            i.originalEdit.complete(req);
            respond(ex, 200, msg.toString());
            return;
        }
        if ((match = ORIGINAL.matcher(p)).matches() && m.equals("DELETE")) {
            Interaction i = interactions.get(match.group(2));
            if (i == null) {
                respond(ex, 404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}");
                return;
            }
            i.originalDeleted.complete(req);
            respond(ex, 204, null);
            return;
        }
        if ((match = FOLLOWUP.matcher(p)).matches() && m.equals("POST")) {
            Interaction fi = interactions.get(match.group(2));
            if (fi != null) {
                fi.followUp.complete(req);
            }
            Interaction i = interactions.get(match.group(2));
            DataObject body = req.json();
            checkMentions("follow-up", body);
            respond(ex, 200, attach(message(i == null ? general : i.channelId, body, 20), req).toString());
            return;
        }
        // Everything else needs the bot token.
        String auth = req.header("authorization");
        if (auth == null || !auth.startsWith("Bot ") || !tokens.contains(auth.substring(4))) {
            respond(ex, 401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
            return;
        }
        if (m.equals("GET") && p.equals("users/@me")) {
            respond(ex, 200, botUser().toString());
            return;
        }
        if ((match = COMMANDS.matcher(p)).matches() && m.equals("PUT")) {
            DataArray in = req.jsonArray();
            DataArray out = DataArray.empty();
            for (int i = 0; i < in.length(); i++) {
                DataObject c = in.getObject(i);
                long id = commandIds.computeIfAbsent(c.getString("name"), n -> Snowflakes.next());
                c.put("id", Long.toUnsignedString(id)).put("application_id", Long.toUnsignedString(appId))
                        .put("version", Long.toUnsignedString(Snowflakes.next()));
                if (match.group(3) != null) {
                    c.put("guild_id", match.group(3));
                }
                out.add(c);
            }
            respond(ex, 200, out.toString());
            return;
        }
        if ((match = THREAD_FROM_MESSAGE.matcher(p)).matches() && m.equals("POST")) {
            long parent = Long.parseUnsignedLong(match.group(1));
            long messageId = Long.parseUnsignedLong(match.group(2));
            DataObject body = req.json();
            DataObject thread = DataObject.empty()
                    .put("id", Long.toUnsignedString(messageId)) // Discord gives a thread started from a message the message's id
                    .put("type", 11).put("guild_id", guild()).put("parent_id", Long.toUnsignedString(parent))
                    .put("owner_id", Long.toUnsignedString(botId)).put("name", body.getString("name"))
                    .put("last_message_id", null).put("message_count", 0).put("total_message_count", 0)
                    .put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0)
                    .put("thread_metadata", DataObject.empty().put("archived", false)
                            .put("auto_archive_duration", body.getInt("auto_archive_duration", 1440))
                            .put("archive_timestamp", now()).put("locked", false).put("create_timestamp", now()))
                    .put("member", DataObject.empty().put("id", Long.toUnsignedString(messageId))
                            .put("user_id", Long.toUnsignedString(botId)).put("join_timestamp", now()).put("flags", 1));
            channels.put(messageId, thread);
            respond(ex, 201, thread.toString());
            return;
        }
        if ((match = POST_MESSAGE.matcher(p)).matches() && m.equals("GET")) {
            // The channel's history, newest first (GET /channels/{id}/messages?limit=N, at most 100).
            long channelId = Long.parseUnsignedLong(match.group(1));
            if (!channels.containsKey(channelId)) {
                respond(ex, 404, "{\"message\": \"Unknown Channel\", \"code\": 10003}");
                return;
            }
            int limit = 50;
            java.util.regex.Matcher lm = Pattern.compile("(?:^|&)limit=(\\d+)").matcher(req.query() == null ? "" : req.query());
            if (lm.find()) {
                limit = Math.min(100, Integer.parseInt(lm.group(1)));
            }
            List<DataObject> all = new ArrayList<>(messages.getOrDefault(channelId, List.of()));
            java.util.Collections.reverse(all);
            DataArray out = DataArray.empty();
            // Discord does not return a message's nonce when it is read back: only its content says what it is.
            all.stream().limit(limit).map(x -> DataObject.fromJson(x.toString()).remove("nonce")).forEach(out::add);
            historyReads.incrementAndGet();
            respond(ex, 200, out.toString());
            return;
        }
        if (m.equals("POST") && p.equals("users/@me/channels")) {
            // a direct-message channel with a user (one per user, as Discord keeps it)
            long recipient = Long.parseUnsignedLong(req.json().getString("recipient_id"));
            User u = List.of(owner, admin, member).stream().filter(x -> x.id() == recipient).findFirst().orElse(null);
            if (u == null) {
                respond(ex, 400, "{\"message\": \"Invalid Recipient(s)\", \"code\": 50033}");
                return;
            }
            long dm = dmChannels.computeIfAbsent(recipient, r -> Snowflakes.next());
            respond(ex, 200, DataObject.empty().put("id", Long.toUnsignedString(dm)).put("type", 1)
                    .put("last_message_id", null).put("flags", 0)
                    .put("recipients", DataArray.empty().add(userJson(u))).toString());
            return;
        }
        if ((match = POST_MESSAGE.matcher(p)).matches() && m.equals("POST")
                && dmChannels.containsValue(Long.parseUnsignedLong(match.group(1)))) {
            long dm = Long.parseUnsignedLong(match.group(1));
            DataObject body = req.json();
            checkMentions("direct message", body);
            DataObject msg = message(dm, body, 0).remove("guild_id");
            messages.computeIfAbsent(dm, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(msg);
            respond(ex, 200, msg.toString());
            return;
        }
        if ((match = POST_MESSAGE.matcher(p)).matches() && m.equals("POST")) {
            if (rateLimitWhich.test(req) && rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                ex.getResponseHeaders().add("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)));
                ex.getResponseHeaders().add("X-RateLimit-Limit", "5");
                ex.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                ex.getResponseHeaders().add("X-RateLimit-Reset-After", Double.toString(retryAfterSeconds));
                ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
                respond(ex, 429, DataObject.empty().put("message", "You are being rate limited.")
                        .put("retry_after", retryAfterSeconds).put("global", false).toString());
                return;
            }
            long channelId = Long.parseUnsignedLong(match.group(1));
            if (!channels.containsKey(channelId)) {
                respond(ex, 404, "{\"message\": \"Unknown Channel\", \"code\": 10003}");
                return;
            }
            long perms = permissionsOfBot(channels.get(channelId).getInt("type") == 11
                    ? channels.get(channelId).getUnsignedLong("parent_id") : channelId);
            if ((perms & SEND_MESSAGES) == 0) {
                respond(ex, 403, "{\"message\": \"Missing Permissions\", \"code\": 50013}");
                return;
            }
            DataObject body = req.json();
            checkMentions("channel message", body);
            String nonce = body.hasKey("nonce") ? body.get("nonce").toString() : null;
            if (nonce != null && body.getBoolean("enforce_nonce")) {
                Nonced existing = byNonce.get(channelId + "|" + nonce);
                if (existing != null && existing.at().plus(NONCE_WINDOW).isAfter(clock.instant())) {
                    respond(ex, 200, existing.message().toString());
                    return;
                }
            }
            DataObject msg = message(channelId, body, body.hasKey("message_reference") ? 19 : 0);
            messages.computeIfAbsent(channelId, c -> new CopyOnWriteArrayList<>()).add(msg);
            if (nonce != null && body.getBoolean("enforce_nonce")) {
                byNonce.put(channelId + "|" + nonce, new Nonced(msg, clock.instant()));
            }
            Duration delay = postDelay;
            if (!delay.isZero()) {
                sleep(delay.toMillis()); // delivered, but the answer is late: a client that dies now never learns it
            }
            respond(ex, 200, msg.toString());
            return;
        }
        problems.add("unexpected request: " + req);
        respond(ex, 404, "{\"message\": \"404: Not Found\", \"code\": 0}");
    }

    private void callback(HttpExchange ex, Req req, String token) throws IOException {
        Interaction i = interactions.get(token);
        if (i == null) {
            respond(ex, 404, "{\"message\": \"Unknown interaction\", \"code\": 10062}");
            return;
        }
        if (i.callback.isDone()) {
            respond(ex, 400, "{\"message\": \"Interaction has already been acknowledged.\", \"code\": 40060}");
            return;
        }
        if (!recording) {
            // Benchmark mode: acknowledge at once, so that the fake costs the same for every handler.
            i.callback.complete(req);
            respond(ex, 204, null);
            return;
        }
        DataObject body = req.json();
        int type = body.getInt("type");
        if (type == 4 || type == 7) {
            DataObject data = body.getObject("data");
            checkMentions("interaction reply", data);
            i.original = attach(message(i.channelId, data, 20), req);
        }
        i.callback.complete(req);
        respond(ex, 204, null);
    }

    /** The files of a multipart request as the message's attachments, as Discord answers them. */
    private static DataObject attach(DataObject msg, Req req) {
        if (req.files().isEmpty()) {
            return msg;
        }
        DataArray attachments = DataArray.empty();
        for (FilePart f : req.files()) {
            attachments.add(DataObject.empty().put("id", Long.toUnsignedString(Snowflakes.next()))
                    .put("filename", f.fileName()).put("size", f.bytes().length)
                    .put("content_type", f.contentType())
                    .put("url", "https://cdn.discordapp.test/attachments/" + f.fileName())
                    .put("proxy_url", "https://media.discordapp.test/attachments/" + f.fileName()));
        }
        return msg.put("attachments", attachments);
    }

    /** Every message llmq sends must set {@code allowed_mentions} with an empty {@code parse}. */
    private void checkMentions(String what, DataObject body) {
        checkLimits(what, body);
        Optional<DataObject> am = body.optObject("allowed_mentions");
        if (am.isEmpty() || !am.get().optArray("parse").map(a -> a.length() == 0).orElse(false)
                || am.get().getBoolean("replied_user", false)
                || am.get().optArray("users").map(a -> a.length() > 0).orElse(false)
                || am.get().optArray("roles").map(a -> a.length() > 0).orElse(false)) {
            problems.add(what + " may mention: allowed_mentions = " + am.map(Object::toString).orElse("(missing)"));
        }
    }

    /** Discord's embed limits: a description of 4,096 characters, a field value of 1,024, 6,000 in all. */
    public static final int MAX_DESCRIPTION = 4096;
    public static final int MAX_FIELD_VALUE = 1024;
    public static final int MAX_EMBED_TOTAL = 6000;

    /** Discord refuses a message whose embeds break a limit (50035 Invalid Form Body); the fake notes it. */
    private void checkLimits(String what, DataObject body) {
        DataArray embeds = body.optArray("embeds").orElseGet(DataArray::empty);
        for (int i = 0; i < embeds.length(); i++) {
            DataObject e = embeds.getObject(i);
            int description = e.getString("description", "").length();
            int total = description + e.getString("title", "").length()
                    + e.optObject("footer").map(f -> f.getString("text", "").length()).orElse(0);
            DataArray fields = e.optArray("fields").orElseGet(DataArray::empty);
            for (int j = 0; j < fields.length(); j++) {
                int value = fields.getObject(j).getString("value", "").length();
                total += value + fields.getObject(j).getString("name", "").length();
                if (value > MAX_FIELD_VALUE) {
                    problems.add(what + ": an embed field of " + value + " characters");
                }
            }
            if (description > MAX_DESCRIPTION || total > MAX_EMBED_TOTAL) {
                problems.add(what + ": an embed of " + description + " description characters, " + total + " in all");
            }
        }
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("via", "1.1 google");
        if (json == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---------------------------------------------------------------- gateway

    /** A gateway session (survives its connection, so it can be resumed). */
    private static final class Session {
        final String id;
        final String token;
        final List<DataObject> sent = new ArrayList<>();
        int seq;
        Conn conn;

        Session(String id, String token) {
            this.id = id;
            this.token = token;
        }
    }

    /** One WebSocket connection, with its zlib-stream when JDA asked for compression. */
    private static final class Conn {
        final WebSocket socket;
        final Deflater deflater;
        final byte[] buffer = new byte[64 * 1024];
        volatile Session session;

        Conn(WebSocket socket, boolean zlib) {
            this.socket = socket;
            this.deflater = zlib ? new Deflater() : null;
        }

        synchronized void send(DataObject payload) {
            if (!socket.isOpen()) {
                return;
            }
            byte[] json = payload.toJson();
            if (deflater == null) {
                socket.send(new String(json, StandardCharsets.UTF_8));
                return;
            }
            deflater.setInput(json);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(json.length / 2 + 16);
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
            socket.send(out.toByteArray());
        }
    }

    private final class Gateway extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final Map<WebSocket, Conn> conns = new ConcurrentHashMap<>();
        final Map<String, Session> sessions = new ConcurrentHashMap<>();
        final List<DataObject> identifies = new CopyOnWriteArrayList<>();
        final java.util.concurrent.BlockingQueue<Long> readies = new java.util.concurrent.LinkedBlockingQueue<>();
        final List<DataObject> resumes = new CopyOnWriteArrayList<>();
        final List<String> connections = new CopyOnWriteArrayList<>();
        final AtomicInteger resumed = new AtomicInteger();
        volatile Session latest;
        /** The newest session of each token: a restarted bot identifies again with the same token. */
        final Map<String, Session> latestByToken = new ConcurrentHashMap<>();

        Gateway(InetSocketAddress address) {
            super(address, 1);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            String line = handshake.getResourceDescriptor();
            connections.add(line);
            Conn c = new Conn(socket, line.contains("compress=zlib-stream"));
            conns.put(socket, c);
            c.send(DataObject.empty().put("op", 10).put("d", DataObject.empty().put("heartbeat_interval", 41250))
                    .put("s", null).put("t", null));
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            Conn c = conns.get(socket);
            DataObject m = DataObject.fromJson(text);
            int op = m.getInt("op");
            switch (op) {
                case 1:
                    c.send(DataObject.empty().put("op", 11).put("d", null).put("s", null).put("t", null));
                    break;
                case 2: {
                    DataObject d = m.getObject("d");
                    identifies.add(d);
                    if (!tokens.contains(d.getString("token"))) {
                        socket.close(4004, "Authentication failed.");
                        return;
                    }
                    Session s = new Session(Long.toHexString(Snowflakes.next()), d.getString("token"));
                    sessions.put(s.id, s);
                    synchronized (s) {
                        s.conn = c;
                    }
                    c.session = s;
                    latest = s;
                    latestByToken.put(s.token, s);
                    send(s, "READY", ready(s.id));
                    readies.add(System.nanoTime());
                    send(s, "GUILD_CREATE", guildCreate());
                    break;
                }
                case 6: {
                    DataObject d = m.getObject("d");
                    resumes.add(d);
                    Session s = sessions.get(d.getString("session_id"));
                    if (s == null || !s.token.equals(d.getString("token"))) {
                        c.send(DataObject.empty().put("op", 9).put("d", false).put("s", null).put("t", null));
                        return;
                    }
                    long from = d.getLong("seq");
                    synchronized (s) {
                        s.conn = c;
                        c.session = s;
                        for (DataObject missed : s.sent) {
                            if (missed.getLong("s") > from) {
                                c.send(missed);
                            }
                        }
                    }
                    send(s, "RESUMED", DataObject.empty().put("_trace", DataArray.empty().add("[\"fake-discord\"]")));
                    resumed.incrementAndGet();
                    break;
                }
                default:
                    problems.add("unexpected gateway op " + op + ": " + text);
            }
        }

        @Override
        public void onMessage(WebSocket socket, ByteBuffer message) {
            problems.add("binary gateway message from the client");
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            gatewayCloses.add(new Close(code, remote, System.nanoTime()));
            Conn c = conns.remove(socket);
            if (c != null && c.session != null) {
                synchronized (c.session) {
                    if (c.session.conn == c) {
                        c.session.conn = null;
                    }
                }
            }
        }

        @Override
        public void onError(WebSocket socket, Exception ex) {
            // A dropped connection ends up here too; what matters is what the client does next.
        }

        void dispatch(String token, String type, DataObject d) {
            Session s = token == null ? latest : latestByToken.get(token);
            if (s == null) {
                throw new AssertionError("no gateway session" + (token == null ? "" : " for that token"));
            }
            send(s, type, d);
        }

        /** Sends a dispatch with the session's next sequence number; kept for replay on RESUME. */
        void send(Session s, String type, DataObject d) {
            synchronized (s) {
                DataObject payload = DataObject.empty().put("op", 0).put("t", type).put("s", ++s.seq).put("d", d);
                s.sent.add(payload);
                if (s.sent.size() > 10_000) {
                    s.sent.subList(0, 5_000).clear();
                }
                if (s.conn != null) {
                    s.conn.send(payload);
                }
            }
        }

        void drop() {
            Session s = latest;
            Conn c = s == null ? null : s.conn;
            if (c == null) {
                throw new AssertionError("no connected session to drop");
            }
            c.socket.closeConnection(1006, "dropped by the test");
        }
    }
}
