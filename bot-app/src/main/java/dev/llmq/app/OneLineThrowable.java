package dev.llmq.app;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback's {@code %exline}: an exception as one line, {@code  [Class: message; caused by Class: message]},
 * with no stack frames. llmq's stderr promises no stack traces unless LLMQ_LOG_LEVEL asks for DEBUG.
 */
public final class OneLineThrowable extends ThrowableHandlingConverter {
    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        if (t == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(" [");
        for (int depth = 0; t != null && depth < 8; t = t.getCause(), depth++) {
            if (depth > 0) {
                out.append("; caused by ");
            }
            String name = t.getClassName();
            out.append(name.substring(name.lastIndexOf('.') + 1));
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " "));
            }
        }
        return out.append(']').toString();
    }
}
