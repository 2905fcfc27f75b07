package dev.llmq.core.testing;

import dev.llmq.core.port.out.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;

/** A store whose calls take longer (for harnesses that measure a slow database). */
public final class SlowStore {
    private SlowStore() {
    }

    /** The methods that change what is stored: the ones a slow database makes wait on a commit. */
    private static final java.util.Set<String> WRITES = java.util.Set.of("putSchedule", "removeSchedule", "claimDue",
            "claimNow", "takeRetries", "takeReveals", "renewSend", "renewReveal", "markSent", "markRetry", "markUnknown",
            "markGivenUp", "markRevealed", "markRevealFailed", "replaceDeck", "recordReveal", "putSettings");

    public static Store of(Store inner, Duration perCall) {
        return slowed(inner, perCall, name -> !name.equals("describe") && !name.equals("close"));
    }

    /** A store whose every write takes {@code perWrite} longer; reads are as fast as {@code inner}'s. */
    public static Store writes(Store inner, Duration perWrite) {
        return slowed(inner, perWrite, WRITES::contains);
    }

    private static Store slowed(Store inner, Duration d, java.util.function.Predicate<String> which) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (which.test(method.getName())) {
                        Thread.sleep(d.toMillis());
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
