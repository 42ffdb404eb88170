package dk.bindeled.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes (POST, PUT, PATCH, DELETE) are limited with Spring Cloud Gateway's Redis token buckets, one per
 * address and, when the request carries a bearer token, one per client as well ({@link ClientIdentity}). The
 * address bucket applies to every write because the client's name is read from an unverified token: a forged
 * token could dodge a client bucket, never the address one. Reads are never limited.
 *
 * <p>A refusal is 429 problem+json naming the limit, with Retry-After: how long until the bucket holds one write
 * again. When Redis cannot be asked, {@link RedisRateLimiter} lets the write through and logs; that is counted
 * here ({@code bindeled.gateway.rate_limit.unavailable}) so an alert can see it, because refusing every write
 * for an outage of the limiter would be worse than a few unlimited minutes.
 */
final class WriteRateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(WriteRateLimitFilter.class);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** The remaining-tokens figure {@link RedisRateLimiter} answers when it could not reach Redis. */
    private static final String UNREACHABLE = "-1";

    private final Limit address;
    private final Limit client;
    private final ClientAddress addresses;
    private final ClientIdentity identities;
    private final Problems problems;
    private final Counter unavailable;

    /** One bucket kind: the limiter, the Redis key scope it counts under, and its refusal. */
    record Limit(String name, RedisRateLimiter limiter, String scope, GatewaySettings.Bucket bucket, Counter refused) {
    }

    WriteRateLimitFilter(GatewaySettings settings, RedisRateLimiter addressLimiter, RedisRateLimiter clientLimiter,
                         ClientAddress addresses, ClientIdentity identities, Problems problems, MeterRegistry meters) {
        String namespace = settings.rateLimit().namespace();
        this.address = new Limit("address", addressLimiter, namespace + ":address", settings.rateLimit().address(),
                refusals(meters, "address"));
        this.client = new Limit("client", clientLimiter, namespace + ":client", settings.rateLimit().client(),
                refusals(meters, "client"));
        this.addresses = addresses;
        this.identities = identities;
        this.problems = problems;
        this.unavailable = Counter.builder("bindeled.gateway.rate_limit.unavailable")
                .description("Writes let through unlimited because Redis could not be asked")
                .register(meters);
    }

    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("bindeled.gateway.rate_limit.refused").tag("limit", limit)
                .description("Writes refused 429 by a rate limit").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!WRITES.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        String from = addresses.of(exchange.getRequest());
        Optional<String> holder = identities.of(exchange.getRequest());
        return ask(address, from).flatMap(addressAllows -> {
            if (!addressAllows) {
                return refuse(exchange, address);
            }
            if (holder.isEmpty()) {
                return chain.filter(exchange);
            }
            return ask(client, holder.get()).flatMap(clientAllows ->
                    clientAllows ? chain.filter(exchange) : refuse(exchange, client));
        });
    }

    private Mono<Boolean> ask(Limit limit, String key) {
        return limit.limiter().isAllowed(limit.scope(), key).map(response -> {
            if (UNREACHABLE.equals(response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER))) {
                unavailable.increment();
                LOG.warn("Rate limiter unavailable (Redis not answering): {} limit not applied", limit.name());
            }
            return response.isAllowed();
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Limit limit) {
        limit.refused().increment();
        GatewaySettings.Bucket bucket = limit.bucket();
        String who = limit == client ? "this client (the bearer token's client and subject)" : "this address";
        String detail = "Too many changes from " + who + ": the " + limit.name() + " limit allows "
                + bucket.burstCapacity() / bucket.requestedTokens() + " at once and then "
                + rate(bucket) + ". Nothing was changed; try again after the Retry-After seconds.";
        return problems.write(exchange, new Problems.Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", detail, Duration.ofSeconds(bucket.secondsToRefill()), Map.of("limit", limit.name())));
    }

    private static String rate(GatewaySettings.Bucket bucket) {
        if (bucket.replenishRate() >= bucket.requestedTokens()) {
            return bucket.replenishRate() / bucket.requestedTokens() + " a second";
        }
        return "one every " + bucket.secondsToRefill() + " seconds";
    }

    /** Before everything that routes: a refused write never reaches a backend. */
    @Override
    public int getOrder() {
        return -200;
    }

    /** For the configuration: a limiter of a bucket's size, wired to Redis by the application context. */
    static RedisRateLimiter limiter(GatewaySettings.Bucket bucket) {
        return new RedisRateLimiter(bucket.replenishRate(), bucket.burstCapacity(), bucket.requestedTokens());
    }
}
