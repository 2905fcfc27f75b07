package dev.llmq.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReadinessAndMetrics() throws Exception {
        Metrics metrics = new Metrics();
        AtomicBoolean store = new AtomicBoolean(false);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("bank", () -> true);
        checks.put("store", store::get);
        checks.put("broken", () -> {
            throw new IllegalStateException("boom");
        });
        try (HttpEndpoints http = new HttpEndpoints("127.0.0.1", 0, metrics.registry, checks)) {
            assertTrue(http.port() > 0);
            HttpResponse<String> health = get(http.port(), "/healthz");
            assertEquals(200, health.statusCode());
            assertEquals("ok\n", health.body());

            HttpResponse<String> notReady = get(http.port(), "/readyz");
            assertEquals(503, notReady.statusCode());
            assertEquals("{\"ready\":false,\"checks\":{\"bank\":true,\"store\":false,\"broken\":false}}\n", notReady.body());
            checks.remove("broken");
            store.set(true);
            assertEquals(200, get(http.port(), "/readyz").statusCode());

            metrics.command("discord", "ask", "architecture");
            metrics.command("discord", "ask", "architecture");
            metrics.reveal("slack");
            metrics.dailyObserver().retried("slack");
            metrics.dailyObserver().gaveUp("discord", "failed");
            metrics.dailyObserver().gaveUp("discord", "failed");
            metrics.latency("discord", Duration.ofMillis(12));
            String body = get(http.port(), "/metrics").body();
            assertTrue(body.contains("llmq_commands_total{command=\"ask\",platform=\"discord\",topic=\"architecture\"} 2.0"), body);
            assertTrue(body.contains("llmq_reveals_total{platform=\"slack\"} 1.0"), body);
            assertTrue(body.contains("llmq_daily_posts_total{outcome=\"retried\",platform=\"slack\"} 1.0"), body);
            assertTrue(body.contains("llmq_daily_giveups_total{outcome=\"failed\",platform=\"discord\"} 2.0"), body);
            assertTrue(body.contains("llmq_interaction_latency_seconds_bucket"), body);
            assertTrue(body.contains("jvm_memory_used_bytes"), body);
        } finally {
            metrics.close();
        }
    }
}
