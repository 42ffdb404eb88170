package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service run as a child JVM from its Spring Boot jar, its output appended to a log file. */
final class ChildService {

    private static final Logger LOG = LoggerFactory.getLogger(ChildService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path jar;
    private final Path log;
    private volatile Process process;
    private boolean exitReported;

    /** A service with its actuator on the API's port + 1000, as the local stack runs them. */
    ChildService(String name, int port, Path jar, Path log) {
        this(name, port, port + 1000, jar, log);
    }

    ChildService(String name, int port, int managementPort, Path jar, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.jar = jar;
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Actuator (health, metrics) listens here, apart from the API. */
    int managementPort() {
        return managementPort;
    }

    Path log() {
        return log;
    }

    boolean started() {
        return process != null;
    }

    long pid() {
        return process.pid();
    }

    void start(List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-Xmx256m", "-XX:+UseSerialGC",
                // Java 17 takes the encoding from the locale; a POSIX locale would mangle æ, ø and å in the logs.
                "-Dfile.encoding=UTF-8",
                "-jar", jar.toString()));
        // Health is polled on the management port, so the child is always told which one that is.
        command.add("--management.server.port=" + managementPort());
        command.addAll(args);
        try {
            Files.writeString(log, "\n===== " + OffsetDateTime.now() + " local stack starts " + name + " =====\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " from " + jar, e);
        }
    }

    /** Polls {@code /actuator/health} until it says UP; fails fast when the process dies, with the log's tail. */
    void awaitUp(HttpClient http, Duration timeout, BooleanSupplier cancelled) {
        URI health = URI.create("http://127.0.0.1:" + managementPort() + "/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (cancelled.getAsBoolean()) {
                throw new IllegalStateException("stopped during startup");
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting. See "
                        + log + "; its last lines:\n" + tail(40));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                lastAnswer = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
                if (response.statusCode() == 200 && "UP".equals(status(response.body()))) {
                    return;
                }
            } catch (IOException notListeningYet) {
                lastAnswer = "not listening yet";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " did not report UP on " + health + " within " + timeout.toSeconds()
                + " s (last: " + lastAnswer + "). See " + log + "; its last lines:\n" + tail(40)
                + "\n(A slow machine may need more time: BINDELED_START_TIMEOUT=<seconds>.)");
    }

    /** True once, the first time the process is seen to have exited. */
    synchronized boolean newlyExited() {
        if (process == null || process.isAlive() || exitReported) {
            return false;
        }
        exitReported = true;
        return true;
    }

    int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM to all at once (Spring shuts down gracefully on it), then wait, then kill what is left. */
    static void stopAll(List<ChildService> services, Duration grace) {
        List<ChildService> running = services.stream().filter(s -> s.process != null && s.process.isAlive()).toList();
        running.forEach(s -> s.process.destroy());
        long deadline = System.nanoTime() + grace.toNanos();
        for (ChildService service : running) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!service.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    service.process.descendants().forEach(ProcessHandle::destroyForcibly);
                    service.process.destroyForcibly();
                    service.process.waitFor(10, TimeUnit.SECONDS);
                    LOG.warn("{} did not stop within {} s and was killed", service.name, grace.toSeconds());
                }
            } catch (InterruptedException e) {
                service.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static String status(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + " ..." : flat;
    }

    private static String javaExecutable() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
