package dk.bindeled.gateway;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The browser-facing headers on every response of the front door, routed or refused by the gateway itself (a
 * web filter, so a 404 for an unknown path gets them too). They are set just before the response is committed,
 * over whatever a backend sent, because the gateway is where the policy is kept; only the Content-Security-Policy
 * is a default a page may bring its own of, and the Referrer-Policy one a page may make stricter (a status link's page,
 * whose address is its credential, sends none on with {@code no-referrer}).
 *
 * <p>Nothing may frame a page (X-Frame-Options DENY, frame-ancestors 'none') except the paths of
 * {@code same-origin-framable}, the dashboard's info screens, which a page of the same origin may (SAMEORIGIN,
 * frame-ancestors 'self'). The default policy allows only the gateway's own origin for scripts, styles, images,
 * fonts and connections (fetch, EventSource): the dashboard's pages load their scripts and stylesheets from
 * files beside them, have no inline script or style element, and set styles only through the CSSOM, which a
 * policy does not restrict.
 */
final class SecurityHeadersFilter implements WebFilter, Ordered {

    /** Referrer policies that send less than the gateway's own default, which a page may keep. */
    static final java.util.Set<String> STRICTER_REFERRER_POLICIES = java.util.Set.of("no-referrer", "same-origin", "strict-origin");

    private final GatewaySettings.SecurityHeaders settings;
    private final List<PathPattern> sameOriginFramable;

    SecurityHeadersFilter(GatewaySettings.SecurityHeaders settings) {
        this.settings = settings;
        this.sameOriginFramable = settings.sameOriginFramable().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        boolean framable = sameOriginFramable.stream().anyMatch(pattern -> pattern.matches(path));
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Strict-Transport-Security", settings.strictTransportSecurity());
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", framable ? "SAMEORIGIN" : "DENY");
            String referrer = headers.getFirst("Referrer-Policy");
            if (referrer == null || !STRICTER_REFERRER_POLICIES.contains(referrer.strip().toLowerCase(java.util.Locale.ROOT))) {
                headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            }
            if (!headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", settings.contentSecurityPolicy()
                        + "; frame-ancestors " + (framable ? "'self'" : "'none'"));
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
