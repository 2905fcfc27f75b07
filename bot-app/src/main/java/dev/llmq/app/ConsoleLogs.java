package dev.llmq.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * At a terminal with the line editor, a log line (a bank reload that was refused, a daily post
 * that failed) is printed above the line being typed, which is then drawn again, instead of
 * across it. The appenders it replaces come back on {@link #close}.
 */
final class ConsoleLogs implements AutoCloseable {
    private final Logger root;
    private final List<Appender<ILoggingEvent>> replaced = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> through;

    private ConsoleLogs(ConsoleLines lines) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%-5level %logger{24} - %msg");
        layout.start();
        this.through = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                // an exception is one line here too: a trace would bury the prompt
                var t = event.getThrowableProxy();
                lines.print(layout.doLayout(event) + (t == null ? "" : " (" + t.getClassName() + ": " + t.getMessage() + ")")
                        + "\n");
            }
        };
        through.setContext(context);
        through.setName("console-lines");
        through.start();
    }

    /** Sends the root logger's lines through {@code lines} until closed. */
    static ConsoleLogs printThrough(ConsoleLines lines) {
        ConsoleLogs logs = new ConsoleLogs(lines);
        for (Iterator<Appender<ILoggingEvent>> it = logs.root.iteratorForAppenders(); it.hasNext(); ) {
            logs.replaced.add(it.next());
        }
        logs.replaced.forEach(logs.root::detachAppender);
        logs.root.addAppender(logs.through);
        return logs;
    }

    @Override
    public void close() {
        root.detachAppender(through);
        through.stop();
        replaced.forEach(root::addAppender);
    }
}
