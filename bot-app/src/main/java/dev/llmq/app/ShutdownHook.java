package dev.llmq.app;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On SIGTERM or Ctrl-C: completes {@code stop}, then holds the JVM open (up to {@code grace})
 * until the main thread says it has finished closing, so posts in flight can finish.
 */
final class ShutdownHook implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile int exitCode = Main.EXIT_OK;

    ShutdownHook(CompletableFuture<Void> stop, Duration grace) {
        thread = new Thread(() -> {
            stop.complete(null);
            try {
                if (closed.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    // A stop asked for and carried out is a success: exit with the main thread's code,
                    // not the JVM's 143 for "killed by SIGTERM", which supervisors count as a crash.
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "llmq-shutdown");
        Runtime.getRuntime().addShutdownHook(thread);
    }

    /** The exit code to leave with when the stop came from a signal. */
    void exitCode(int code) {
        exitCode = code;
    }

    /** The main thread has closed everything: let the JVM go (or remove the hook on a normal stop). */
    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
    }
}
