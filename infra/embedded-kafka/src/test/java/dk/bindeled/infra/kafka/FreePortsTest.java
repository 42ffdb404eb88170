package dk.bindeled.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The brokers' ports must be ones no outgoing connection can take while the broker is not yet (or, in a restart
 * test, no longer) bound: a three-node cluster once failed to start in CI with a node's port already in use.
 */
class FreePortsTest {

    @Test
    void theBrokersPortsAreOutsideTheEphemeralRangeAndNeverHandedOutTwice() throws Exception {
        int[] ephemeral = FreePorts.ephemeralRange();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = EmbeddedKraftBroker.freePort();
            assertThat(port < ephemeral[0] || port > ephemeral[1])
                    .as("port %d outside the ephemeral range %d-%d", port, ephemeral[0], ephemeral[1]).isTrue();
            assertThat(port).isGreaterThanOrEqualTo(FreePorts.LOWEST);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
            try (ServerSocket bound = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
                assertThat(bound.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortSomethingListensOnIsNotHandedOut() throws Exception {
        int taken = EmbeddedKraftBroker.freePort();
        try (ServerSocket listening = new ServerSocket(taken, 0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 200; i++) {
                assertThat(EmbeddedKraftBroker.freePort()).isNotEqualTo(taken);
            }
        }
    }
}
