package org.w3id.pakmig.serve;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels queries at their deadline, one thread per server. Jena's own timeouts run on one
 * JVM-wide alarm thread whose callback waits for a lock the query holds while it builds its
 * plan (for instance while skipping a huge {@code OFFSET}): one such query blocks that thread,
 * and no later query is ever cancelled. Here the deadline only sets the query's cancel signal,
 * which takes no lock, so the thread can never be blocked; Jena's iterators and our guarded
 * expressions see the signal and stop.
 */
final class QueryWatchdog {
    private final ScheduledThreadPoolExecutor timer;

    QueryWatchdog() {
        timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "pakmig-query-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Sets {@code cancel} after {@code timeout}; cancel the returned future when the query ends. */
    ScheduledFuture<?> arm(AtomicBoolean cancel, Duration timeout) {
        return timer.schedule(() -> cancel.set(true), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }
}
