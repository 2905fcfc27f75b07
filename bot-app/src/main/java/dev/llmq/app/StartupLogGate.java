package dev.llmq.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Holds log lines back while llmq starts. A failed start-up is one line on stderr, naming what to
 * fix; the libraries' own complaints about the same failure (JDA's "DNS resolution failed", a
 * pool's retry) would bury it, so they are dropped with it. A successful start releases them,
 * after llmq's banner. With LLMQ_LOG_LEVEL=DEBUG or TRACE nothing is held: whoever asks for the
 * details gets them as they happen.
 */
public final class StartupLogGate extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    private static final int LIMIT = 2_000;
    private static volatile StartupLogGate instance;

    private final AppenderAttachableImpl<ILoggingEvent> targets = new AppenderAttachableImpl<>();
    private final ArrayDeque<ILoggingEvent> held = new ArrayDeque<>();
    private boolean open = !"true".equals(System.getProperty("llmq.log.hold"));

    @Override
    public void start() {
        instance = this;
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        synchronized (held) {
            if (!open) {
                event.prepareForDeferredProcessing();
                if (held.size() == LIMIT) {
                    held.removeFirst();
                }
                held.addLast(event);
                return;
            }
        }
        targets.appendLoopOnAppenders(event);
    }

    /** Start-up succeeded: write what was held, then pass lines straight through. */
    static void release() {
        StartupLogGate g = instance;
        if (g == null) {
            return;
        }
        synchronized (g.held) {
            while (!g.held.isEmpty()) {
                g.targets.appendLoopOnAppenders(g.held.removeFirst());
            }
            g.open = true;
        }
    }

    /** Start-up failed and its one line says why: forget what was held, then pass lines through. */
    static void discard() {
        StartupLogGate g = instance;
        if (g == null) {
            return;
        }
        synchronized (g.held) {
            g.held.clear();
            g.open = true;
        }
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> a) {
        targets.addAppender(a);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return targets.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return targets.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> a) {
        return targets.isAttached(a);
    }

    @Override
    public void detachAndStopAllAppenders() {
        targets.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> a) {
        return targets.detachAppender(a);
    }

    @Override
    public boolean detachAppender(String name) {
        return targets.detachAppender(name);
    }
}
