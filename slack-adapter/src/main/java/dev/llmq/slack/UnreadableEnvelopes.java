package dev.llmq.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import com.slack.api.socket_mode.response.AckResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acks the socket mode envelopes that Bolt cannot read (a type it does not know, a payload it
 * cannot tell the kind of), which it would otherwise drop without an ack, so that Slack does not
 * send them again. It asks Bolt's own parser, so it acks exactly what Bolt leaves. Envelopes Bolt
 * reads go to Bolt, whose handlers (and, for those without one, the 404 middleware in
 * {@link SlackBot}) ack them.
 */
final class UnreadableEnvelopes implements WebSocketMessageListener {
    private static final Logger log = LoggerFactory.getLogger(UnreadableEnvelopes.class);
    private final SocketModeClient client;
    private final SocketModeRequestParser bolt;

    UnreadableEnvelopes(SocketModeClient client, AppConfig config) {
        this.client = client;
        this.bolt = new SocketModeRequestParser(config);
    }

    @Override
    public void handle(String message) {
        try {
            JsonElement parsed = JsonParser.parseString(message);
            if (!parsed.isJsonObject()) {
                log.warn("a socket mode message that is not a JSON object was ignored");
                return;
            }
            JsonObject env = parsed.getAsJsonObject();
            String type = env.has("type") && env.get("type").isJsonPrimitive() ? env.get("type").getAsString() : "";
            if (!env.has("envelope_id")) {
                return; // hello, disconnect: nothing to ack
            }
            SocketModeRequest read = bolt.parse(message);
            if (read != null && read.getBoltRequest() != null) {
                return; // Bolt's
            }
            String id = env.get("envelope_id").getAsString();
            client.sendSocketModeResponse(AckResponse.builder().envelopeId(id).build());
            log.warn("acked a socket mode envelope that could not be read (type '{}', {})", type, id);
        } catch (RuntimeException e) {
            log.warn("an unreadable socket mode message was ignored: {}", e.toString());
        }
    }
}
