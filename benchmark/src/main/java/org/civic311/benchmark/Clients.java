package org.civic311.benchmark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Concurrent clients sharing one queue of requests; each request's latency is what its client waited. */
final class Clients {

    private Clients() {
    }

    /** What a phase's clients did: when they began, when the last one finished, and each request's latency. */
    record Submitted(long beganNanos, long endedNanos, List<Double> latencyMillis) {
    }

    static Submitted submit(int clients, int requests, IntConsumer request) throws InterruptedException {
        List<Double> latencies = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    request.accept(i);
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        return new Submitted(begin, System.nanoTime(), latencies);
    }
}
