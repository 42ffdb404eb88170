package dk.bindeled.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers a test starts later, chosen outside the kernel's ephemeral range. A port the
 * kernel hands out ({@code new ServerSocket(0)}) is from that range, the same one every outgoing connection takes
 * its local port from: between picking the port and the server binding it, or while a node is down for a restart,
 * a client connection (three Kafka nodes dialling each other's controllers, a consumer reconnecting) can take it,
 * and the server fails with "Address already in use". No outgoing connection ever gets a port below the range.
 */
public final class FreePorts {

    /** Linux's default {@code net.ipv4.ip_local_port_range}, for a system that does not say. */
    static final int[] DEFAULT_EPHEMERAL = {32768, 60999};
    /** Below this are the ports of the machine's own services (PostgreSQL, Redis, the local stack's 8080–9099). */
    static final int LOWEST = 15000;

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A loopback port that nothing listens on now, outside the ephemeral range, not handed out before in this JVM. */
    public static synchronized int next() {
        int[] ephemeral = ephemeralRange();
        int from;
        int to;
        if (ephemeral[0] - LOWEST >= 1000) {
            from = LOWEST;
            to = ephemeral[0] - 1;
        } else if (65535 - ephemeral[1] >= 1000) {
            from = ephemeral[1] + 1;
            to = 65535;
        } else {
            throw new IllegalStateException("No room for test ports outside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1]);
        }
        for (int attempt = 0; attempt < 500; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(from, to + 1);
            if (!HANDED_OUT.contains(candidate) && bindable(candidate)) {
                HANDED_OUT.add(candidate);
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("No free loopback port in " + from + "-" + to + " after 500 tries"));
    }

    /** The kernel's ephemeral range, from {@code /proc} where there is one. */
    static int[] ephemeralRange() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                String[] bounds = Files.readString(range).trim().split("\\s+");
                return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
            }
        } catch (IOException | RuntimeException unreadable) {
            // A range we cannot read is treated as the default one.
        }
        return DEFAULT_EPHEMERAL.clone();
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
