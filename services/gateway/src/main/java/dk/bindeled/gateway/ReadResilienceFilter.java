package dk.bindeled.gateway;

import java.util.Set;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads (GET, HEAD) go through a circuit breaker of their route, with the read timeout as its time limit, so
 * every route gets both without a line of its own: slow is 504, refused or a circuit open after repeated failures
 * is 503 ({@link GatewayErrorHandler} writes them). Writes are neither timed out nor broken: cutting a command off
 * would leave the client not knowing whether it happened.
 *
 * <p>The order matters. This filter runs after {@link NettyWriteResponseFilter} and just before the routing
 * filter, so what it waits for completes once the backend's status and headers have arrived; the body is written
 * afterwards, outside the time limit. A Server-Sent Events stream therefore lives as long as it likes, and only a
 * backend that does not start answering is cut off.
 */
final class ReadResilienceFilter implements GlobalFilter, Ordered {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    ReadResilienceFilter(ReactiveCircuitBreakerFactory<?, ?> breakers) {
        this.breakers = breakers;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !READS.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        // The failure itself, not Spring Cloud's "no fallback" wrapper: the error handler answers by its type.
        return breakers.create(route.getId()).run(chain.filter(exchange), Mono::error);
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
