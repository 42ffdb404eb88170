package dk.bindeled.booking.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service as a child JVM, as the local stack and the end-to-end test run it (256 MB heap, serial GC), with
 * its API and its actuator each on a free port of their own: on the API's port the services' deny-by-default access
 * rules refuse {@code /actuator/health}.
 */
final class ChildJvm implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    final URI base;
    private final URI management;
    private final Path log;

    private ChildJvm(String name, Process process, URI base, URI management, Path log) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.management = management;
        this.log = log;
    }

    static ChildJvm start(String name, Path jar, Path log, List<String> arguments, Map<String, String> environment) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + name + " jar at " + jar + ": package it first (./mvnw -q -DskipTests install)");
        }
        int port = freePort();
        int managementPort = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-jar", jar.toString(),
                "--server.port=" + port, "--management.server.port=" + managementPort));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // A benchmark stopped with Ctrl-C runs no close(): the child would outlive it and hold its ports.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
        process.getOutputStream().close();
        return new ChildJvm(name, process, URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + managementPort), log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void awaitUp(Duration timeout) {
        URI health = management.resolve("/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The " + name + " exited with " + process.exitValue() + " while starting; see " + log
                        + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RoomBookingUnderTest.sleep(250);
        }
        throw new IllegalStateException("The " + name + " was not UP within " + timeout + "; see " + log + ":\n" + tail());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ")";
        }
    }
}
