package dk.bindeled.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A minimal Server-Sent Events client on java.net.http, reading the stream on its own thread. */
public final class SseClient implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final Thread reader;
    private final int status;
    private final String contentType;

    public SseClient(HttpClient http, URI uri) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        lines = response.body();
        reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The next event matching, waiting at most the timeout; fails if none arrives. */
    public Event next(Predicate<Event> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("No matching Server-Sent Event within " + timeout);
            }
            if (matching.test(event)) {
                return event;
            }
        }
    }

    /** Whether the server ended the stream within the timeout. */
    public boolean endedWithin(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = value(line, 6);
                } else if (line.startsWith("id:")) {
                    id = value(line, 3);
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(value(line, 5));
                }
            }
        } catch (RuntimeException closed) {
            // The stream was closed by close() or by the server.
        }
    }

    private static String value(String line, int prefix) {
        String value = line.substring(prefix);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
