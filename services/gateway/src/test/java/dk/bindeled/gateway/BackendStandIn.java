package dk.bindeled.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a service behind the gateway: a plain JDK HTTP server that answers every request with what it
 * received (method, path, query, headers) as JSON, so a test sees exactly what the gateway forwarded. The services
 * themselves are tested in their own modules. A few paths behave like a troubled or streaming backend:
 * {@code /slow} answers after {@link #SLOW}, {@code /api/stream} is a Server-Sent Events stream that sends one
 * event, then holds the stream open until {@link #releaseStream()} (or 15 s) before its last event and the end.
 */
final class BackendStandIn implements AutoCloseable {

    // Far beyond the tests' 1 s read timeout, so a loaded machine's slowness is never mistaken for the backend's answer.
    static final Duration SLOW = Duration.ofSeconds(6);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile CountDownLatch streamRelease = new CountDownLatch(1);
    private final AtomicBoolean streamClosed = new AtomicBoolean();

    BackendStandIn(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A port nothing listens on (bound for a moment, then let go): a backend that is down. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void releaseStream() {
        streamRelease.countDown();
    }

    /** Whether the current stream has ended (its last event written and the exchange closed). */
    boolean streamClosed() {
        return streamClosed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            // A backend that sets its own framing policy: the gateway's must win.
            exchange.getResponseHeaders().set("X-Frame-Options", "ALLOWALL");
            // ?referrer=<policy>: a backend that sends a referrer policy of its own (a page whose address is its credential).
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && query.startsWith("referrer=")) {
                exchange.getResponseHeaders().set("Referrer-Policy", query.substring("referrer=".length()));
            }
            if (path.equals("/api/stream")) {
                stream(exchange);
                return;
            }
            if (path.equals("/slow")) {
                sleep(SLOW);
            }
            exchange.getRequestBody().readAllBytes();
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", path);
            echo.put("query", exchange.getRequestURI().getRawQuery());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(), String.join(",", values)));
            echo.put("headers", headers);
            byte[] body = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().set("Content-Type", path.startsWith("/skaerm/") ? "text/html" : "application/json");
            int status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        streamClosed.set(false);
        CountDownLatch release = streamRelease;
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("event: overview\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            release.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.write("event: overview\ndata: last\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        out.close();
        streamClosed.set(true);
        streamRelease = new CountDownLatch(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
