package dk.bindeled.booking.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latencies (nanoseconds) and answers of one measurement; thread-safe while it is being filled. */
final class Samples {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private long wallNanos;
    private volatile String cpu = "";

    Samples(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** One answer; only {@code expected} statuses count as confirmed, the first few others are kept for the report. */
    synchronized void record(int status, long latencyNanos, String body, int expected) {
        statuses.merge(status, 1, Integer::sum);
        if (status == expected) {
            nanos.add(latencyNanos);
        } else if (unexpected.size() < 5) {
            unexpected.add(status + " " + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    /** A latency with no HTTP answer to go with it (the SSE push of a booking). */
    synchronized void record(long latencyNanos) {
        nanos.add(latencyNanos);
    }

    synchronized void failed(Throwable error) {
        statuses.merge(-1, 1, Integer::sum);
        if (unexpected.size() < 5) {
            unexpected.add("no answer: " + error);
        }
    }

    void wall(long nanos) {
        this.wallNanos = nanos;
    }

    void cpu(String description) {
        this.cpu = description;
    }

    String cpu() {
        return cpu;
    }

    synchronized int count() {
        return nanos.size();
    }

    synchronized Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    double perSecond() {
        return count() / (wallNanos / 1e9);
    }

    double seconds() {
        return wallNanos / 1e9;
    }

    /** Nearest-rank percentile in milliseconds. */
    synchronized double percentileMs(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    double maxMs() {
        return percentileMs(100);
    }

    String latencies() {
        return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentileMs(50), percentileMs(99), maxMs());
    }
}
