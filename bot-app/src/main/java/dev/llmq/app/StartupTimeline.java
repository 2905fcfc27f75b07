package dev.llmq.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each step of start-up finished, for one log line once llmq is up:
 * {@code start-up (ms since the JVM started): command line 254, bank 812, ...}. The steps run at
 * once on several threads, so the line is sorted by time, which shows which step was last.
 * Recording a step touches no logger: the first one runs before logging is set up.
 */
final class StartupTimeline {
    private static final Map<String, Long> STEPS = new ConcurrentHashMap<>();

    private StartupTimeline() {
    }

    /** Step {@code what} is done now. */
    static void step(String what) {
        STEPS.putIfAbsent(what, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** Logs the steps so far, in the order they finished. */
    static void log() {
        // looked up only now: step("main") runs before LogSetup, and the first logger configures logback
        Logger log = LoggerFactory.getLogger(StartupTimeline.class);
        log.info("start-up (ms since the JVM started): {}", STEPS.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    }
}
