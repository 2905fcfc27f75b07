package dev.llmq.app;

import java.util.Map;
import java.util.Set;

/**
 * Settles logging before the first logger exists. Logback reads these system properties in
 * {@code logback.xml}:
 * <ul>
 *   <li>{@code llmq.log.throwable}: how an exception in a log line is shown. At INFO and above it
 *       is one line (class and message, with its causes), so that stderr never carries a stack
 *       trace; at DEBUG and TRACE the whole trace, for whoever asked for it.</li>
 *   <li>{@code llmq.log.libraries}: the level of the connection pool's and the migrations' loggers
 *       (Hikari, Flyway). Their start-up chatter is kept out of INFO, so llmq's own banner comes first;
 *       at DEBUG it is all there.</li>
 *   <li>{@code llmq.log.hold}: whether {@link StartupLogGate} holds lines back until start-up ends
 *       (not at DEBUG or TRACE).</li>
 * </ul>
 */
final class LogSetup {
    private static final Set<String> VERBOSE = Set.of("DEBUG", "TRACE");

    private LogSetup() {
    }

    static void beforeFirstLogger(Map<String, String> env) {
        if ("json".equals(env.get("LLMQ_LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        String level = env.getOrDefault("LLMQ_LOG_LEVEL", "").strip().toUpperCase(java.util.Locale.ROOT);
        boolean verbose = VERBOSE.contains(level);
        System.setProperty("llmq.log.throwable", verbose ? "%ex" : "%exline");
        System.setProperty("llmq.log.libraries", verbose ? level : "WARN");
        System.setProperty("llmq.log.hold", verbose ? "false" : "true");
    }
}
