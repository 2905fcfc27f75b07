package dev.llmq.core.testing;

import dev.llmq.core.port.out.Store;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that is as slow as a test wants: every call waits until the gate opens, then goes to the
 * real store. Tests assert order with it (the platform saw the ack or the defer before the store
 * answered), not wall-clock times.
 */
public final class GatedStore {
    private final Store inner;
    private final CountDownLatch gate = new CountDownLatch(1);
    /** Calls that reached the store while the gate was shut. */
    public final AtomicInteger waited = new AtomicInteger();
    public final Store store;

    public GatedStore(Store inner) {
        this.inner = inner;
        this.store = (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("describe") && !method.getName().equals("close") && gate.getCount() > 0) {
                        waited.incrementAndGet();
                        if (!gate.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never opened the store's gate");
                        }
                    }
                    try {
                        return method.invoke(this.inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** From now on the store answers at once (and the calls that waited go on). */
    public void open() {
        gate.countDown();
    }
}
