package dev.llmq.discord.fake;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender that keeps every log line of the test JVM, so that tests can fail on
 * JDA's WARN and ERROR lines (a GUILD_CREATE JDA cannot parse only shows up there) and search
 * the logs for a planted token. Configured in {@code logback-test.xml}.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {
    /** One captured line: level, logger, thread, the formatted message and any stack trace. */
    public record Line(Level level, String logger, String thread, String text) {
        @Override
        public String toString() {
            return level + " " + logger + " [" + thread + "] " + text;
        }
    }

    private static final List<Line> LINES = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent e) {
        String text = e.getFormattedMessage();
        if (e.getThrowableProxy() != null) {
            text = text + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
        }
        LINES.add(new Line(e.getLevel(), e.getLoggerName(), e.getThreadName(), text));
    }

    /** A position in the log, for {@link #since(int)}. */
    public static int mark() {
        return LINES.size();
    }

    public static List<Line> since(int mark) {
        return List.copyOf(LINES.subList(Math.min(mark, LINES.size()), LINES.size()));
    }

    /** Lines at WARN or above since {@code mark} that {@code allowed} does not excuse. */
    public static List<Line> warnings(int mark, Predicate<Line> allowed) {
        return since(mark).stream().filter(l -> l.level().isGreaterOrEqual(Level.WARN)).filter(allowed.negate())
                .collect(Collectors.toList());
    }

    /** Sets the root level (TRACE to see everything JDA would ever log); returns the previous one. */
    public static Level rootLevel(Level level) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level old = root.getLevel();
        root.setLevel(level);
        return old;
    }
}
