package dev.llmq.core.testing;

import dev.llmq.core.port.out.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;

/** A store whose every call takes {@code perCall} longer (for harnesses that measure a slow database). */
public final class SlowStore {
    private SlowStore() {
    }

    public static Store of(Store inner, Duration perCall) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("describe") && !method.getName().equals("close")) {
                        Thread.sleep(perCall.toMillis());
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
