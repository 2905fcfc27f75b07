package dev.llmq.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process is up), {@code /readyz} (every check passes; 503 otherwise) and
 * {@code /metrics} (Prometheus text) on the JDK's HTTP server. Nothing here prints configuration,
 * so no secret can leak through it.
 */
final class HttpEndpoints implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "llmq-http");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param port   0 picks a free port
     * @param checks readiness checks by name, in display order
     */
    HttpEndpoints(String host, int port, PrometheusMeterRegistry registry, Map<String, BooleanSupplier> checks)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(executor);
        server.createContext("/healthz", ex -> respond(ex, 200, "text/plain; charset=utf-8", "ok\n"));
        server.createContext("/readyz", ex -> {
            Map<String, Boolean> results = new LinkedHashMap<>();
            boolean ready = true;
            for (Map.Entry<String, BooleanSupplier> c : checks.entrySet()) {
                boolean ok;
                try {
                    ok = c.getValue().getAsBoolean();
                } catch (RuntimeException e) {
                    ok = false;
                }
                results.put(c.getKey(), ok);
                ready &= ok;
            }
            StringBuilder json = new StringBuilder("{\"ready\":").append(ready).append(",\"checks\":{");
            int i = 0;
            for (Map.Entry<String, Boolean> r : results.entrySet()) {
                json.append(i++ == 0 ? "" : ",").append('"').append(r.getKey()).append("\":").append(r.getValue());
            }
            json.append("}}\n");
            respond(ex, ready ? 200 : 503, "application/json", json.toString());
        });
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
