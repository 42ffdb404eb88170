package dk.bindeled.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        ClientAddress addresses = new ClientAddress("");
        assertThat(addresses.of(from("198.51.100.9", "203.0.113.1"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientAddress addresses = new ClientAddress("10\\.0\\.0\\.\\d+");
        // The client wrote "203.0.113.1" itself; 198.51.100.9 is what the trusted proxy 10.0.0.2 saw.
        assertThat(addresses.of(from("10.0.0.1", "203.0.113.1, 198.51.100.9, 10.0.0.2"))).isEqualTo("198.51.100.9");
        assertThat(addresses.of(from("10.0.0.1", null))).isEqualTo("10.0.0.1");
    }

    private static MockServerHttpRequest from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.get("/")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder.build();
    }
}
