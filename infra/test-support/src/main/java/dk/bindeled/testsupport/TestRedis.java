package dk.bindeled.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Redis tests run against: the machine's server at {@code redis://127.0.0.1:6379}, or
 * {@code BINDELED_TEST_REDIS_URL} ({@code redis://[:password@]host:port}). Checked with a PING over a plain
 * socket, so test-support needs no Redis client of its own; if it does not answer, the test fails and says what
 * to start. Tests share the server, never keys: each takes a namespace of its own ({@link #namespace}) to
 * prefix its keys with, and what it writes expires by itself (the rate limiter's keys carry a TTL).
 */
public final class TestRedis {

    private static final String ENV = "BINDELED_TEST_REDIS_URL";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile TestRedis checked;

    private final String host;
    private final int port;
    private final String password;

    private TestRedis(String host, int port, String password) {
        this.host = host;
        this.port = port;
        this.password = password;
    }

    /** The server, once it has answered a PING; fails the test with what to do when it does not. */
    public static TestRedis require() {
        TestRedis redis = checked;
        if (redis == null) {
            synchronized (TestRedis.class) {
                if (checked == null) {
                    TestRedis candidate = fromEnvironment();
                    String problem = candidate.ping();
                    if (problem != null) {
                        throw new IllegalStateException("Redis does not answer at " + candidate.host + ":" + candidate.port
                                + " (" + problem + "). The tests need a real Redis: start redis-server (e.g."
                                + " `redis-server --daemonize yes --save ''`), or point " + ENV + " at one.");
                    }
                    checked = candidate;
                }
                redis = checked;
            }
        }
        return redis;
    }

    /** A key prefix no other test (or earlier run) uses: {@code bindeled-it-<purpose>-<random>}. */
    public static String namespace(String purpose) {
        String clean = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
        return "bindeled-it-" + clean + "-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Spring Boot's {@code spring.data.redis.*} for this server; register with {@code @DynamicPropertySource}. */
    public Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.data.redis.host", host);
        props.put("spring.data.redis.port", String.valueOf(port));
        if (password != null) {
            props.put("spring.data.redis.password", password);
        }
        return props;
    }

    private static TestRedis fromEnvironment() {
        String url = System.getenv(ENV);
        if (url == null || url.isBlank()) {
            return new TestRedis("127.0.0.1", 6379, null);
        }
        URI uri = URI.create(url.trim());
        String info = uri.getUserInfo();
        String password = info == null ? null : info.contains(":") ? info.substring(info.indexOf(':') + 1) : info;
        return new TestRedis(uri.getHost() != null ? uri.getHost() : "127.0.0.1", uri.getPort() > 0 ? uri.getPort() : 6379,
                password == null || password.isEmpty() ? null : password);
    }

    /** Null when the server answered PONG; otherwise why not. */
    private String ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password != null) {
                out.write(command("AUTH", password));
                String auth = line(in);
                if (!auth.startsWith("+OK")) {
                    return "AUTH answered " + auth;
                }
            }
            out.write(command("PING"));
            String answer = line(in);
            return answer.startsWith("+PONG") ? null : "PING answered " + answer;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** A command in RESP, the protocol's array of bulk strings. */
    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
