package dk.bindeled.gateway;

import java.net.URI;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The X-Forwarded-* headers a service needs to build its public URLs (links, Location headers, the prefix its
 * pages live under). Spring Cloud Gateway's own filter writes them only for requests from a trusted proxy, which
 * leaves the front door's requests with none; so the gateway's own filter is off (it drops every incoming
 * X-Forwarded-* header, order 0) and this one, after it, writes them from what the gateway saw: the client's
 * values are kept only when the peer is a trusted proxy.
 */
final class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String PREFIX = "X-Forwarded-Prefix";

    private final ClientAddress addresses;

    ForwardedHeaders(ClientAddress addresses) {
        this.addresses = addresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders incoming = request.getHeaders();
        boolean trusted = addresses.peerTrusted(request);

        HttpHeaders out = new HttpHeaders();
        out.addAll(input);

        String chain = trusted ? String.join(", ", incoming.getOrEmpty(ClientAddress.X_FORWARDED_FOR)) : "";
        String peer = ClientAddress.peer(request);
        out.set(ClientAddress.X_FORWARDED_FOR, chain.isBlank() ? peer : chain + ", " + peer);

        String proto = trusted(incoming, PROTO, trusted, request.getURI().getScheme());
        out.set(PROTO, proto);
        String host = incoming.getFirst(HttpHeaders.HOST);
        out.set(HOST, trusted(incoming, HOST, trusted, host != null ? host : request.getURI().getAuthority()));
        int port = request.getURI().getPort();
        out.set(PORT, trusted(incoming, PORT, trusted, String.valueOf(port > 0 ? port : "https".equals(proto) ? 443 : 80)));

        String outer = trusted && incoming.getFirst(PREFIX) != null ? stripTrailingSlash(incoming.getFirst(PREFIX)) : "";
        String prefix = outer + strippedPrefix(exchange);
        if (!prefix.isEmpty()) {
            out.set(PREFIX, prefix);
        } else {
            out.remove(PREFIX);
        }
        return out;
    }

    /** What the route cut off the front of the path: "/registry" for /registry/api/partners → /api/partners. */
    private static String strippedPrefix(ServerWebExchange exchange) {
        Set<URI> originals = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        URI routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (originals == null || originals.isEmpty() || routed == null) {
            return "";
        }
        String original = stripTrailingSlash(originals.iterator().next().getRawPath());
        String now = stripTrailingSlash(routed.getRawPath());
        if (original.length() > now.length() && original.endsWith(now)) {
            return original.substring(0, original.length() - now.length());
        }
        return "";
    }

    private static String trusted(HttpHeaders incoming, String name, boolean trusted, String own) {
        String theirs = trusted ? incoming.getFirst(name) : null;
        return theirs != null && !theirs.isBlank() ? theirs.split(",")[0].trim() : own;
    }

    private static String stripTrailingSlash(String path) {
        return path != null && path.endsWith("/") ? path.substring(0, path.length() - 1) : path == null ? "" : path;
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
