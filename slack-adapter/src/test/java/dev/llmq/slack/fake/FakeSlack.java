package dev.llmq.slack.fake;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small Slack for tests, on 127.0.0.1: the Web API on the JDK's HttpServer, socket mode on a
 * Java-WebSocket server, and {@code response_url}s. It records every call and lets a test send
 * envelopes (slash commands, button presses, events, {@code disconnect}) and wait for their acks.
 * <p>
 * Like Slack: {@code auth.test} checks the bot token; {@code apps.connections.open} checks the app
 * token and hands out a fresh URL every time; {@code chat.postMessage} answers a ts (and a 429 with
 * {@code Retry-After} when told to).
 */
public final class FakeSlack implements AutoCloseable {
    public static final String TEAM = "T0FAKE";
    public static final String BOT_USER = "U0BOT";

    /** One Web API or response_url call. {@code params} are the form fields or the top-level JSON fields. */
    public record Call(String method, String token, Map<String, String> params, long atNanos) {
        public JsonElement json(String param) {
            String v = params.get(param);
            return v == null ? null : JsonParser.parseString(v);
        }

        /** The {@code blocks} parameter, parsed and printed again (so without the sender's \\u003c escapes). */
        public String blocks() {
            JsonElement b = json("blocks");
            return b == null ? "" : b.toString();
        }
    }

    /** An envelope's ack: the JSON the client sent back, and how long after sending it arrived. */
    public record Ack(String raw, long latencyNanos) {
        /** The ack as JSON (parsed on demand, so that benchmarks measure the bot, not this parser). */
        public JsonObject json() {
            return JsonParser.parseString(raw).getAsJsonObject();
        }

        public Optional<JsonObject> payload() {
            JsonObject json = json();
            return json.has("payload") ? Optional.of(json.getAsJsonObject("payload")) : Optional.empty();
        }
    }

    private static final java.util.regex.Pattern ENVELOPE_ID =
            java.util.regex.Pattern.compile("\"envelope_id\"\\s*:\\s*\"([^\"]+)\"");

    private record Pending(long sentNanos, CompletableFuture<Ack> future) {
    }

    private final Gson gson = new Gson();
    private final String botToken;
    private final String appToken;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final Socket socket;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, JsonObject> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> memberships = new ConcurrentHashMap<>();
    private final Set<String> notInChannel = ConcurrentHashMap.newKeySet();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger tickets = new AtomicInteger();
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private volatile boolean record = true;

    public FakeSlack(String botToken, String appToken) throws IOException, InterruptedException {
        this.botToken = botToken;
        this.appToken = appToken;
        AtomicInteger n = new AtomicInteger();
        httpThreads = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "fake-slack-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        http.createContext("/api/", this::api);
        http.createContext("/respond/", this::respond);
        http.createContext("/upload/", this::upload);
        http.setExecutor(httpThreads);
        http.start();
        socket = new Socket();
        socket.start();
        if (!socket.started.await(10, TimeUnit.SECONDS)) {
            throw new IOException("the fake socket mode server did not start");
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/";
    }

    /** Stops recording calls (for benchmarks). */
    public FakeSlack recording(boolean on) {
        record = on;
        return this;
    }

    // ------------------------------------------------------------------ set-up

    /** How users.info describes a user. */
    public FakeSlack user(String id, boolean admin, boolean owner, String locale) {
        JsonObject u = new JsonObject();
        u.addProperty("id", id);
        u.addProperty("team_id", TEAM);
        u.addProperty("name", id.toLowerCase());
        u.addProperty("is_admin", admin);
        u.addProperty("is_owner", owner);
        u.addProperty("is_primary_owner", false);
        u.addProperty("is_bot", false);
        if (locale != null) {
            u.addProperty("locale", locale);
        }
        users.put(id, u);
        return this;
    }

    /** The time zone users.info gives for an already described user (Slack's {@code tz}). */
    public FakeSlack userZone(String id, String tz) {
        users.get(id).addProperty("tz", tz);
        return this;
    }

    private final Map<String, List<JsonObject>> history = new ConcurrentHashMap<>();
    private volatile boolean historyScope = true;

    private volatile Duration postDelay = Duration.ZERO;
    private volatile java.util.concurrent.CountDownLatch usersInfoGate;

    /** From now on users.info answers only once {@link #releaseUsersInfo()} is called. */
    public void holdUsersInfo() {
        usersInfoGate = new java.util.concurrent.CountDownLatch(1);
    }

    public void releaseUsersInfo() {
        java.util.concurrent.CountDownLatch g = usersInfoGate;
        usersInfoGate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** From now on chat.postMessage stores the message at once but answers only after {@code d}. */
    public void delayPosts(Duration d) {
        postDelay = d;
    }

    /** Without it, conversations.history answers missing_scope (an app installed before the scope was added). */
    public void historyScope(boolean granted) {
        historyScope = granted;
    }

    /** The messages posted to a channel (top level and in threads), oldest first, as chat.postMessage stored them. */
    public List<JsonObject> history(String channel) {
        return List.copyOf(history.getOrDefault(channel, List.of()));
    }

    /** The channels users.conversations lists for a user. */
    public FakeSlack member(String user, String... channels) {
        memberships.put(user, List.of(channels));
        return this;
    }

    /** chat.postMessage and files.completeUploadExternal to this channel answer {@code not_in_channel}. */
    public FakeSlack notIn(String channel) {
        notInChannel.add(channel);
        return this;
    }

    /** The next {@code n} chat.postMessage calls get HTTP 429 with {@code Retry-After: seconds}. */
    public FakeSlack rateLimitNext(int n, int seconds) {
        retryAfterSeconds = seconds;
        rateLimitNext.set(n);
        return this;
    }

    // ------------------------------------------------------------------ envelopes

    public CompletableFuture<Ack> slashCommand(String user, String channel, String text) {
        return slashCommand(user, channel, text, responseUrl());
    }

    /** A slash command sent at {@code sentNanos}, whose answer is the {@link #RESPOND} call to {@code responsePath}. */
    public record SentCommand(CompletableFuture<Ack> ack, String responsePath, long sentNanos) {
    }

    /** A slash command, with what it takes to find its answer (for the load harness). */
    public SentCommand slashCommandTracked(String user, String channel, String text) {
        String url = responseUrl();
        long at = System.nanoTime();
        return new SentCommand(slashCommand(user, channel, text, url), java.net.URI.create(url).getPath(), at);
    }

    /**
     * A slash command and its answer, as the user sees it: the ack's payload when the ack carries
     * one, else what llmq sent to this command's response_url (as a JSON object: response_type,
     * text, blocks).
     */
    public JsonObject commandAnswer(String user, String channel, String text, Duration timeout) throws Exception {
        String url = responseUrl();
        Ack ack = slashCommand(user, channel, text, url).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ack.payload().isPresent()) {
            return ack.payload().get();
        }
        String path = java.net.URI.create(url).getPath();
        Call c = awaitCall(RESPOND, x -> path.equals(x.params().get("_url")), timeout);
        JsonObject out = new JsonObject();
        c.params().forEach((k, v) -> {
            if (k.equals("blocks") || k.equals("attachments")) {
                out.add(k, JsonParser.parseString(v));
            } else if (!k.equals("_url")) {
                out.addProperty(k, v);
            }
        });
        return out;
    }

    private CompletableFuture<Ack> slashCommand(String user, String channel, String text, String responseUrl) {
        JsonObject p = new JsonObject();
        p.addProperty("token", "verification-token-unused");
        p.addProperty("team_id", TEAM);
        p.addProperty("team_domain", "fake");
        p.addProperty("channel_id", channel);
        p.addProperty("channel_name", "general");
        p.addProperty("user_id", user);
        p.addProperty("user_name", user.toLowerCase());
        p.addProperty("command", "/llmq");
        p.addProperty("text", text);
        p.addProperty("api_app_id", "A0FAKE");
        p.addProperty("is_enterprise_install", "false");
        p.addProperty("response_url", responseUrl);
        p.addProperty("trigger_id", "trigger-" + ids.incrementAndGet());
        return send("slash_commands", p, true);
    }

    /**
     * A button press on a message.
     *
     * @param messageTs the pressed message's ts (null for an ephemeral message)
     */
    public CompletableFuture<Ack> press(String user, String channel, String messageTs, String actionId, String value) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "block_actions");
        JsonObject team = new JsonObject();
        team.addProperty("id", TEAM);
        team.addProperty("domain", "fake");
        p.add("team", team);
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("username", user.toLowerCase());
        u.addProperty("team_id", TEAM);
        p.add("user", u);
        p.addProperty("api_app_id", "A0FAKE");
        p.addProperty("token", "verification-token-unused");
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("channel_id", channel);
        container.addProperty("is_ephemeral", messageTs == null);
        if (messageTs != null) {
            container.addProperty("message_ts", messageTs);
        }
        p.add("container", container);
        p.addProperty("trigger_id", "trigger-" + ids.incrementAndGet());
        JsonObject ch = new JsonObject();
        ch.addProperty("id", channel);
        ch.addProperty("name", "general");
        p.add("channel", ch);
        if (messageTs != null) {
            JsonObject m = new JsonObject();
            m.addProperty("type", "message");
            m.addProperty("ts", messageTs);
            m.addProperty("text", "a question");
            m.addProperty("user", BOT_USER);
            p.add("message", m);
        }
        p.addProperty("response_url", responseUrl());
        p.add("actions", actions(actionId, value));
        return send("interactive", p, false);
    }

    /** A press on a button in the App Home (no channel, no response_url). */
    public CompletableFuture<Ack> pressInHome(String user, String actionId, String value) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "block_actions");
        JsonObject team = new JsonObject();
        team.addProperty("id", TEAM);
        p.add("team", team);
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("team_id", TEAM);
        p.add("user", u);
        p.addProperty("api_app_id", "A0FAKE");
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", "V0HOME");
        p.add("container", container);
        p.addProperty("trigger_id", "trigger-" + ids.incrementAndGet());
        JsonObject view = new JsonObject();
        view.addProperty("id", "V0HOME");
        view.addProperty("type", "home");
        p.add("view", view);
        p.add("actions", actions(actionId, value));
        return send("interactive", p, false);
    }

    public CompletableFuture<Ack> appHomeOpened(String user) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", "D0" + user);
        event.addProperty("tab", "home");
        event.addProperty("event_ts", "1700000000.000100");
        JsonObject p = new JsonObject();
        p.addProperty("token", "verification-token-unused");
        p.addProperty("team_id", TEAM);
        p.addProperty("api_app_id", "A0FAKE");
        p.add("event", event);
        p.addProperty("type", "event_callback");
        p.addProperty("event_id", "Ev" + ids.incrementAndGet());
        p.addProperty("event_time", 1700000000);
        return send("events_api", p, false);
    }

    /** Slack's {@code disconnect} message (reason {@code refresh_requested}, {@code warning}, ...). */
    public void disconnect(String reason) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "disconnect");
        m.addProperty("reason", reason);
        JsonObject info = new JsonObject();
        info.addProperty("host", "fake");
        m.add("debug_info", info);
        current().send(gson.toJson(m));
    }

    /** Closes the current connection without a word, as a network failure would. */
    public void dropConnection() {
        current().closeConnection(1006, "dropped by the fake");
    }

    private JsonArray actions(String actionId, String value) {
        JsonObject a = new JsonObject();
        a.addProperty("action_id", actionId);
        a.addProperty("block_id", "b" + ids.incrementAndGet());
        a.addProperty("type", "button");
        a.addProperty("value", value);
        a.addProperty("action_ts", "1700000000.000200");
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", "button");
        a.add("text", text);
        JsonArray arr = new JsonArray();
        arr.add(a);
        return arr;
    }

    private String responseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/respond/" + ids.incrementAndGet();
    }

    /** Any envelope, as Slack might send one that llmq has no handler for, or cannot read. */
    public CompletableFuture<Ack> sendEnvelope(String type, JsonObject payload) {
        return send(type, payload, true);
    }

    private CompletableFuture<Ack> send(String type, JsonObject payload, boolean acceptsResponse) {
        String id = "env-" + ids.incrementAndGet();
        JsonObject env = new JsonObject();
        env.addProperty("envelope_id", id);
        env.addProperty("type", type);
        env.addProperty("accepts_response_payload", acceptsResponse);
        env.add("payload", payload);
        CompletableFuture<Ack> f = new CompletableFuture<>();
        String text = gson.toJson(env);
        WebSocket conn = current();
        pending.put(id, new Pending(System.nanoTime(), f));
        conn.send(text);
        return f;
    }

    private WebSocket current() {
        WebSocket c = socket.current;
        if (c == null || !c.isOpen()) {
            throw new IllegalStateException("no socket mode connection is open");
        }
        return c;
    }

    // ------------------------------------------------------------------ waiting

    /**
     * A socket mode connection that ended: its WebSocket close code (1000 when the client said
     * goodbye, 1006 when the connection just dropped), whether the client closed it, and when.
     */
    public record Close(int code, boolean byClient, long atNanos) {
    }

    final List<Close> closes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Every socket mode connection that has ended, oldest first. */
    public List<Close> closes() {
        return List.copyOf(closes);
    }

    /** How many socket mode connections were opened so far. */
    public int connectionsOpened() {
        return socket.opened.get();
    }

    /** How many socket mode URLs {@code apps.connections.open} handed out. */
    public int urlsIssued() {
        return tickets.get();
    }

    /** Waits until at least {@code n} connections were opened and one is open now. */
    public void awaitConnections(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            WebSocket c = socket.current;
            if (socket.opened.get() >= n && c != null && c.isOpen()) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("expected " + n + " socket mode connections within " + timeout + ", saw "
                + socket.opened.get());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits for the first call (from {@code from} on) to {@code method} that matches. */
    public Call awaitCall(String method, Predicate<Call> matching, Duration timeout) throws InterruptedException {
        return awaitCalls(method, matching, 1, timeout).get(0);
    }

    public List<Call> awaitCalls(String method, Predicate<Call> matching, int count, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Call> found = calls.stream().filter(c -> c.method().equals(method) && matching.test(c)).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + count + " " + method + " call(s) within " + timeout + "; calls: "
                        + calls.stream().map(Call::method).toList());
            }
            Thread.sleep(5);
        }
    }

    /** The response_url call for a given response URL suffix is {@code method} "respond". */
    public static final String RESPOND = "respond";

    // ------------------------------------------------------------------ HTTP

    private void api(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestURI().getPath().substring("/api/".length());
            Map<String, String> params = params(ex);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
            if (record) {
                calls.add(new Call(method, token, params, System.nanoTime()));
            }
            JsonObject out = new JsonObject();
            switch (method) {
                case "auth.test":
                    if (!botToken.equals(token)) {
                        json(ex, 200, error("invalid_auth"));
                        return;
                    }
                    out.addProperty("ok", true);
                    out.addProperty("url", "https://fake.slack.test/");
                    out.addProperty("team", "Fake");
                    out.addProperty("user", "llmq");
                    out.addProperty("team_id", TEAM);
                    out.addProperty("user_id", BOT_USER);
                    out.addProperty("bot_id", "B0BOT");
                    out.addProperty("is_enterprise_install", false);
                    json(ex, 200, out);
                    return;
                case "apps.connections.open":
                    if (!appToken.equals(token)) {
                        json(ex, 200, error("invalid_auth"));
                        return;
                    }
                    out.addProperty("ok", true);
                    out.addProperty("url", "ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=t"
                            + tickets.incrementAndGet());
                    json(ex, 200, out);
                    return;
                default:
                    break;
            }
            if (!botToken.equals(token)) {
                json(ex, 200, error("invalid_auth"));
                return;
            }
            if (BLOCK_METHODS.contains(method) && invalidBlocks(params.get("blocks"))) {
                json(ex, 200, error("invalid_blocks"));
                return;
            }
            switch (method) {
                case "chat.postMessage": {
                    if (rateLimitNext.getAndUpdate(v -> Math.max(0, v - 1)) > 0) {
                        ex.getResponseHeaders().add("Retry-After", String.valueOf(retryAfterSeconds));
                        json(ex, 429, error("ratelimited"));
                        return;
                    }
                    String channel = params.getOrDefault("channel", "");
                    if (notInChannel.contains(channel)) {
                        json(ex, 200, error("not_in_channel"));
                        return;
                    }
                    int n = ids.incrementAndGet();
                    String ts = String.format("%d.%06d", 1700000000 + n, n);
                    out.addProperty("ok", true);
                    out.addProperty("channel", channel);
                    out.addProperty("ts", ts);
                    JsonObject m = new JsonObject();
                    m.addProperty("type", "message");
                    m.addProperty("ts", ts);
                    m.addProperty("text", params.getOrDefault("text", ""));
                    m.addProperty("bot_id", "B0BOT");
                    if (params.containsKey("thread_ts")) {
                        m.addProperty("thread_ts", params.get("thread_ts"));
                    }
                    if (params.containsKey("metadata")) {
                        m.add("metadata", com.google.gson.JsonParser.parseString(params.get("metadata")));
                    }
                    history.computeIfAbsent(channel, c -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(m);
                    out.add("message", m);
                    Duration delay = postDelay;
                    if (!delay.isZero()) {
                        try { // delivered, but the answer is late: a client that dies now never learns it
                            Thread.sleep(delay.toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    json(ex, 200, out);
                    return;
                }
                case "conversations.history": {
                    // The channel's top-level messages, newest first; metadata only with include_all_metadata.
                    String channel = params.getOrDefault("channel", "");
                    if (!historyScope) {
                        json(ex, 200, error("missing_scope"));
                        return;
                    }
                    boolean withMetadata = "true".equals(params.get("include_all_metadata"))
                            || "1".equals(params.get("include_all_metadata"));
                    List<JsonObject> all = new ArrayList<>(history.getOrDefault(channel, List.of()));
                    java.util.Collections.reverse(all);
                    JsonArray msgs = new JsonArray();
                    for (JsonObject x : all) {
                        if (x.has("thread_ts")) {
                            continue;
                        }
                        JsonObject copy = x.deepCopy();
                        if (!withMetadata) {
                            copy.remove("metadata");
                        }
                        msgs.add(copy);
                    }
                    out.addProperty("ok", true);
                    out.add("messages", msgs);
                    out.addProperty("has_more", false);
                    json(ex, 200, out);
                    return;
                }
                case "users.info": {
                    java.util.concurrent.CountDownLatch gate = usersInfoGate;
                    if (gate != null) {
                        try {
                            gate.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    String id = params.getOrDefault("user", "");
                    JsonObject u = users.get(id);
                    if (u == null) {
                        json(ex, 200, error("user_not_found"));
                        return;
                    }
                    out.addProperty("ok", true);
                    out.add("user", u);
                    json(ex, 200, out);
                    return;
                }
                case "users.conversations": {
                    String id = params.getOrDefault("user", "");
                    JsonArray channels = new JsonArray();
                    for (String c : memberships.getOrDefault(id, List.of())) {
                        JsonObject ch = new JsonObject();
                        ch.addProperty("id", c);
                        ch.addProperty("is_channel", true);
                        channels.add(ch);
                    }
                    out.addProperty("ok", true);
                    out.add("channels", channels);
                    JsonObject meta = new JsonObject();
                    meta.addProperty("next_cursor", "");
                    out.add("response_metadata", meta);
                    json(ex, 200, out);
                    return;
                }
                case "views.publish": {
                    out.addProperty("ok", true);
                    JsonObject v = new JsonObject();
                    v.addProperty("id", "V0HOME");
                    out.add("view", v);
                    json(ex, 200, out);
                    return;
                }
                case "conversations.open": {
                    // a direct message with the bot: D + the user's id
                    String user = params.getOrDefault("users", "");
                    if (user.isEmpty() || user.contains(",")) {
                        json(ex, 200, error("invalid_users"));
                        return;
                    }
                    out.addProperty("ok", true);
                    JsonObject ch = new JsonObject();
                    ch.addProperty("id", "D" + user);
                    out.add("channel", ch);
                    json(ex, 200, out);
                    return;
                }
                case "files.getUploadURLExternal": {
                    String name = params.getOrDefault("filename", "");
                    int length = Integer.parseInt(params.getOrDefault("length", "-1"));
                    if (name.isEmpty() || length <= 0) {
                        json(ex, 200, error("invalid_arguments"));
                        return;
                    }
                    String id = "F" + ids.incrementAndGet();
                    uploads.put(id, new Upload(id, name, length, new CompletableFuture<>()));
                    out.addProperty("ok", true);
                    out.addProperty("upload_url", "http://127.0.0.1:" + http.getAddress().getPort() + "/upload/" + id);
                    out.addProperty("file_id", id);
                    json(ex, 200, out);
                    return;
                }
                case "files.completeUploadExternal": {
                    JsonArray files = JsonParser.parseString(params.getOrDefault("files", "[]")).getAsJsonArray();
                    String channel = params.get("channel_id");
                    if (channel != null && notInChannel.contains(channel)) {
                        json(ex, 200, error("not_in_channel"));
                        return;
                    }
                    JsonArray done = new JsonArray();
                    for (JsonElement f : files) {
                        String id = f.getAsJsonObject().get("id").getAsString();
                        Upload u = uploads.get(id);
                        if (u == null || !u.bytes().isDone()) {
                            json(ex, 200, error("file_not_found")); // completed before its bytes were uploaded
                            return;
                        }
                        shared.add(new SharedFile(id, u.name(), u.bytes().join(), Optional.ofNullable(channel),
                                params.getOrDefault("initial_comment", ""), Optional.ofNullable(params.get("thread_ts"))));
                        JsonObject o = new JsonObject();
                        o.addProperty("id", id);
                        o.addProperty("title", f.getAsJsonObject().has("title")
                                ? f.getAsJsonObject().get("title").getAsString() : u.name());
                        done.add(o);
                    }
                    out.addProperty("ok", true);
                    out.add("files", done);
                    json(ex, 200, out);
                    return;
                }
                case "chat.postEphemeral": {
                    out.addProperty("ok", true);
                    out.addProperty("message_ts", "1700000000.000300");
                    json(ex, 200, out);
                    return;
                }
                default:
                    json(ex, 200, error("unknown_method"));
            }
        }
    }

    private record Upload(String id, String name, int length, CompletableFuture<byte[]> bytes) {
    }

    /** A file the bot uploaded and shared: where, with which comment, and its bytes as received. */
    public record SharedFile(String id, String name, byte[] bytes, Optional<String> channel, String initialComment,
                             Optional<String> threadTs) {
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final List<SharedFile> shared = new CopyOnWriteArrayList<>();

    /** The files shared so far (files.completeUploadExternal), oldest first. */
    public List<SharedFile> sharedFiles() {
        return List.copyOf(shared);
    }

    /** Waits for the n-th shared file (counting from 1). */
    public SharedFile awaitSharedFile(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (shared.size() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + n + " shared file(s) within " + timeout + "; calls: "
                        + calls.stream().map(Call::method).toList());
            }
            Thread.sleep(5);
        }
        return shared.get(n - 1);
    }

    /** The upload URL: the raw bytes of the file, as the length files.getUploadURLExternal was told. */
    private void upload(HttpExchange ex) throws IOException {
        try (ex) {
            String id = ex.getRequestURI().getPath().substring("/upload/".length());
            byte[] body = ex.getRequestBody().readAllBytes();
            Upload u = uploads.get(id);
            int status = u == null ? 404 : body.length != u.length() ? 400 : 200;
            if (status == 200) {
                u.bytes().complete(body);
            }
            byte[] answer = (status == 200 ? "OK - " + body.length : "bad upload").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, answer.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(answer);
            }
        }
    }

    private void respond(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> params = params(ex);
            if (record) {
                params.put("_url", ex.getRequestURI().getPath());
                calls.add(new Call(RESPOND, null, params, System.nanoTime()));
            }
            boolean invalid = invalidBlocks(params.get("blocks"));
            byte[] ok = (invalid ? "invalid_blocks" : "ok").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(invalid ? 400 : 200, ok.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(ok);
            }
        }
    }

    /** The methods whose {@code blocks} Slack checks against its limits. */
    private static final Set<String> BLOCK_METHODS = Set.of("chat.postMessage", "chat.postEphemeral", "chat.update");
    /** Slack's limits: 50 blocks in a message, 3,000 characters in a section's text. */
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION_TEXT = 3000;

    /** Whether the blocks break a limit that Slack enforces; Slack refuses such a message with invalid_blocks. */
    public static boolean invalidBlocks(String blocks) {
        if (blocks == null || blocks.isBlank()) {
            return false;
        }
        JsonArray all = JsonParser.parseString(blocks).getAsJsonArray();
        if (all.size() > MAX_BLOCKS) {
            return true;
        }
        for (JsonElement b : all) {
            JsonObject o = b.getAsJsonObject();
            if ("section".equals(o.get("type").getAsString()) && o.has("text")
                    && o.getAsJsonObject("text").get("text").getAsString().length() > MAX_SECTION_TEXT) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> params(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> out = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, out);
        }
        if (type != null && type.startsWith("application/json")) {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                out.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : gson.toJson(e.getValue()));
            }
        } else if (!body.isEmpty()) {
            form(body, out);
        }
        return out;
    }

    private static void form(String encoded, Map<String, String> out) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
    }

    private static JsonObject error(String error) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.addProperty("error", error);
        return o;
    }

    private void json(HttpExchange ex, int status, JsonObject body) throws IOException {
        byte[] bytes = gson.toJson(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(bytes);
        }
    }

    // ------------------------------------------------------------------ socket mode

    private final class Socket extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger opened = new AtomicInteger();
        volatile WebSocket current;

        Socket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
            setConnectionLostTimeout(0);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            current = conn;
            opened.incrementAndGet();
            JsonObject hello = new JsonObject();
            hello.addProperty("type", "hello");
            hello.addProperty("num_connections", 1);
            JsonObject info = new JsonObject();
            info.addProperty("host", "fake");
            hello.add("debug_info", info);
            JsonObject ci = new JsonObject();
            ci.addProperty("app_id", "A0FAKE");
            hello.add("connection_info", ci);
            conn.send(gson.toJson(hello));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            long now = System.nanoTime();
            java.util.regex.Matcher m = ENVELOPE_ID.matcher(message);
            if (!m.find()) {
                return;
            }
            Pending p = pending.remove(m.group(1));
            if (p != null) {
                p.future().complete(new Ack(message, now - p.sentNanos()));
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closes.add(new Close(code, remote, System.nanoTime()));
            if (current == conn) {
                current = null;
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // a client that went away; nothing to do
        }
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        try {
            socket.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The blocks of an ack's payload or a call's {@code blocks} as one text, for assertions. */
    public static String text(JsonElement blocks) {
        return blocks == null ? "" : blocks.toString();
    }

    /** Every button (action_id → value) in a blocks array. */
    public static Map<String, String> buttons(JsonElement blocks) {
        Map<String, String> out = new LinkedHashMap<>();
        if (blocks == null || !blocks.isJsonArray()) {
            return out;
        }
        for (JsonElement b : blocks.getAsJsonArray()) {
            JsonObject block = b.getAsJsonObject();
            if (block.has("elements") && "actions".equals(block.get("type").getAsString())) {
                for (JsonElement e : block.getAsJsonArray("elements")) {
                    JsonObject el = e.getAsJsonObject();
                    out.put(el.get("action_id").getAsString(), el.get("value").getAsString());
                }
            }
        }
        return out;
    }

    /** Recorded call lists can be long: a short view of them for failure messages. */
    public String describe() {
        List<String> out = new ArrayList<>();
        for (Call c : calls) {
            out.add(c.method());
        }
        return out.toString();
    }
}
