package dk.bindeled.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bindeled.gateway.*}. The route targets themselves are read by the route definitions in
 * application.yml ({@code bindeled.gateway.routes.<service>}); everything the gateway's own filters need is here.
 *
 * @param readTimeout how long a read (GET, HEAD) may wait for the backend's response headers before it is 504
 * @param trustedProxies a regular expression of the peer addresses whose X-Forwarded-* headers are believed (a
 *     load balancer in front of the gateway); empty: none, the gateway is the front door and every client's own
 *     X-Forwarded-* headers are dropped
 * @param retryAfter the Retry-After of a 503 or 504 that says nothing better (backend refused, slow)
 */
@ConfigurationProperties("bindeled.gateway")
public record GatewaySettings(
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("") String trustedProxies,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue SecurityHeaders securityHeaders) {

    /**
     * Writes only. {@code namespace} prefixes every Redis key, so two gateways (or two tests) on one Redis never
     * share buckets. The two buckets' sizes are in application.yml.
     */
    public record RateLimit(
            @DefaultValue("bindeled-gateway") String namespace,
            Bucket client,
            Bucket address) {
    }

    /**
     * A token bucket: {@code replenishRate} tokens a second, at most {@code burstCapacity} saved up, each write
     * costs {@code requestedTokens} (so 1 / 60 / 60 is one write a minute with bursts of one).
     */
    public record Bucket(int replenishRate, long burstCapacity, @DefaultValue("1") int requestedTokens) {

        /** Seconds until a refused write's tokens have been replenished: the Retry-After of a 429. */
        public long secondsToRefill() {
            return Math.max(1, (requestedTokens + replenishRate - 1) / replenishRate);
        }
    }

    /**
     * Per route, on reads: the circuit opens when at least {@code failureRate} percent of the last
     * {@code window} reads failed (refused, timed out), counted once {@code minimumCalls} have been made, and stays
     * open {@code openFor} (the Retry-After of its 503) before letting a few reads through again.
     */
    public record CircuitBreaker(
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("50") float failureRate,
            @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param contentSecurityPolicy set on every response that brings none of its own, with the
     *     {@code frame-ancestors} that matches its X-Frame-Options added
     * @param sameOriginFramable path patterns whose pages a page of the same origin may frame (the info screens);
     *     everything else may be framed by nobody
     * @param strictTransportSecurity sent on every response: browsers ignore it on plain http (RFC 6797 §8.1), so
     *     sending it always costs nothing and keeps it when a TLS terminator in front forgets X-Forwarded-Proto
     */
    public record SecurityHeaders(
            @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                    + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'") String contentSecurityPolicy,
            @DefaultValue("/dashboard/skaerm/**") List<String> sameOriginFramable,
            @DefaultValue("max-age=31536000") String strictTransportSecurity) {
    }
}
