package dev.llmq.app;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.QuestionBank;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current question bank, reloaded when one of its files changes on disk. A new bank that does
 * not validate is refused with its located problems, and the old bank keeps serving.
 */
final class LiveBank implements Supplier<QuestionBank>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveBank.class);
    /** Editors write a file in several steps; wait for quiet before reloading. */
    static final long SETTLE_MILLIS = 300;

    private final BankLocation location;
    private final AtomicReference<QuestionBank> current;
    private final Consumer<String> onEvent;
    private final WatchService watcher;
    private final Thread thread;

    /**
     * @param onEvent told "reloaded" or "refused" after each attempt (metrics, tests)
     */
    LiveBank(BankLocation location, QuestionBank initial, Consumer<String> onEvent) throws IOException {
        this.location = Objects.requireNonNull(location);
        this.current = new AtomicReference<>(initial);
        this.onEvent = onEvent;
        this.watcher = FileSystems.getDefault().newWatchService();
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path p : location.paths()) {
            Path abs = p.toAbsolutePath();
            dirs.add(abs.toFile().isDirectory() ? abs : abs.getParent());
        }
        for (Path d : dirs) {
            d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.thread = new Thread(this::watch, "llmq-bank-watch");
        this.thread.setDaemon(true);
        if (!dirs.isEmpty()) {
            this.thread.start();
        }
    }

    @Override
    public QuestionBank get() {
        return current.get();
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                boolean relevant = key.pollEvents().stream().anyMatch(e -> isBankFile(e.context()));
                key.reset();
                if (!relevant) {
                    continue;
                }
                // Let the burst of events from one save settle.
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isBankFile(Object context) {
        if (!(context instanceof Path p)) {
            return false;
        }
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Loads the bank again; keeps the old one when the new one is invalid. */
    void reload() {
        try {
            QuestionBank fresh = location.load();
            current.set(fresh);
            log.info("question bank reloaded: {} questions in {} topics", fresh.size(), fresh.topics().size());
            onEvent.accept("reloaded");
        } catch (BankException e) {
            log.warn("question bank change refused, the previous bank keeps serving:\n{}", e.getMessage());
            onEvent.accept("refused");
        } catch (RuntimeException e) {
            log.warn("question bank reload failed, the previous bank keeps serving: {}", e.toString());
            onEvent.accept("refused");
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watcher.close();
    }
}
