package dk.bindeled.booking.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends requests as fast as a pool of clients can (closed loop), or at a fixed rate whatever the answers (open loop). */
final class LoadDriver {

    /** Makes request {@code i}; {@code client} is the number of the client thread (closed loop) or -1 (open loop). */
    interface Requests {
        HttpRequest make(int i, int client);
    }

    /** Told when request {@code i} was due (open loop), before it is sent. */
    interface Due {
        void at(int i, long dueNanos);
    }

    private final HttpClient http;

    LoadDriver(HttpClient http) {
        this.http = http;
    }

    /** {@code count} requests from {@code clients} threads, each sending its next as soon as its last is answered. */
    Samples closedLoop(String name, int count, int clients, int expectedStatus, Requests requests) throws Exception {
        return closedLoop(name, count, clients, expectedStatus, requests, null, false);
    }

    /**
     * As {@link #closedLoop(String, int, int, int, Requests)}, with each request given up after {@code timeout}
     * (when not null) and, when {@code stopAtFailure}, no more requests sent once one has failed.
     */
    Samples closedLoop(String name, int count, int clients, int expectedStatus, Requests requests, Duration timeout,
                       boolean stopAtFailure) throws Exception {
        Samples samples = new Samples(name);
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    go.await();
                    for (int i = next.getAndIncrement(); i < count && !(stopAtFailure && failed.get()); i = next.getAndIncrement()) {
                        HttpRequest request = requests.make(i, client);
                        if (timeout != null) {
                            request = HttpRequest.newBuilder(request, (header, value) -> true).timeout(timeout).build();
                        }
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            samples.record(response.statusCode(), System.nanoTime() - start, response.body(), expectedStatus);
                            if (response.statusCode() != expectedStatus) {
                                failed.set(true);
                            }
                        } catch (java.io.IOException e) {
                            samples.failed(e);
                            failed.set(true);
                        }
                    }
                    return null;
                }));
            }
            CpuMeter cpu = new CpuMeter();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
            samples.wall(System.nanoTime() - start);
            samples.cpu(cpu.describe());
        } finally {
            pool.shutdownNow();
        }
        return samples;
    }

    /**
     * {@code count} requests at {@code perSecond}, each sent when it is due even if earlier ones are still
     * waiting for their answer. A latency counts from when the request was due, not from when it was sent, so
     * a stall of the sender is not hidden. The first {@code discard} answers only warm up.
     */
    Samples openLoop(String name, int count, int perSecond, int discard, int expectedStatus, Requests requests, Due due)
            throws Exception {
        Samples samples = new Samples(name);
        long period = 1_000_000_000L / perSecond;
        long first = System.nanoTime() + 20_000_000L;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(count);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "open-loop-timer");
            thread.setDaemon(true);
            return thread;
        });
        CpuMeter cpu = new CpuMeter();
        try {
            ScheduledFuture<?> ticks = timer.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                for (int i = next.get(); i < count && first + i * period <= now; i = next.get()) {
                    next.incrementAndGet();
                    long dueAt = first + i * period;
                    HttpRequest request = requests.make(i, -1);
                    due.at(i, dueAt);
                    int n = i;
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        if (n >= discard) {
                            if (error != null) {
                                samples.failed(error);
                            } else {
                                samples.record(response.statusCode(), System.nanoTime() - dueAt, response.body(), expectedStatus);
                            }
                        }
                        answered.countDown();
                    });
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            Duration planned = Duration.ofNanos(period * count);
            if (!answered.await(planned.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new AssertionError(name + ": " + answered.getCount() + " requests still unanswered a minute after the last was due");
            }
            ticks.cancel(false);
            samples.wall(System.nanoTime() - first);
            samples.cpu(cpu.describe());
        } finally {
            timer.shutdownNow();
        }
        return samples;
    }
}
