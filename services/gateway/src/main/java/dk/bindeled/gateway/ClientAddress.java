package dk.bindeled.gateway;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who sent a request, as far as the gateway can tell without believing the client. The peer of the connection
 * is the client unless it is a trusted proxy ({@code bindeled.gateway.trusted-proxies}, e.g. a load balancer in
 * front); then the right-most X-Forwarded-For entry that is not itself a trusted proxy is. Anything further left
 * was written by whoever sent the request and proves nothing.
 */
final class ClientAddress {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final Predicate<String> trusted;

    ClientAddress(String trustedProxies) {
        if (trustedProxies == null || trustedProxies.isBlank()) {
            this.trusted = host -> false;
        } else {
            Pattern pattern = Pattern.compile(trustedProxies);
            this.trusted = host -> pattern.matcher(host).matches();
        }
    }

    /** The connection's peer, as an IP literal ("unknown" on a transport without addresses). */
    static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /** Whether the peer's X-Forwarded-* headers are believed. */
    boolean peerTrusted(ServerHttpRequest request) {
        return trusted.test(peer(request));
    }

    String of(ServerHttpRequest request) {
        String peer = peer(request);
        if (!trusted.test(peer)) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String value : request.getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(chain::add);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trusted.test(chain.get(i))) {
                return chain.get(i);
            }
        }
        // Every hop is a trusted proxy: the left-most is the nearest thing to a client there is.
        return chain.isEmpty() ? peer : chain.get(0);
    }
}
