package dk.bindeled.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The identity service started for real on free ports, with its issuer on the port it listens on (discovery and
 * every token name it), and its signing key in the given directory, so a test can stop it and start it again.
 */
final class IdentityServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private IdentityServer(ConfigurableApplicationContext context, String baseUrl) {
        this.context = context;
        this.baseUrl = baseUrl;
    }

    static IdentityServer start(Path keyDir) {
        return start(keyDir, freePort());
    }

    /** On a given port: a restart on the same port keeps the issuer, so old tokens can be checked in full. */
    static IdentityServer start(Path keyDir, int port) {
        String issuer = "http://localhost:" + port;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=" + port,
                "--management.server.port=" + freePort(),
                "--bindeled.identity.issuer=" + issuer,
                "--bindeled.identity.key-dir=" + keyDir.toAbsolutePath());
        return new IdentityServer(context, issuer);
    }

    String url(String path) {
        return baseUrl + path;
    }

    String issuer() {
        return baseUrl;
    }

    int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
