package dk.bindeled.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error of the gateway as problem+json, never Boot's HTML or JSON error page: an unknown path 404, a
 * backend that does not start answering within the read timeout 504, a backend that refuses the connection (or
 * cannot be resolved, or whose circuit is open) 503 with Retry-After, a backend that drops the connection
 * mid-answer 502, anything unforeseen 500 without internals. Ahead of Boot's own handler (order -1).
 */
final class GatewayErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final Problems problems;
    private final GatewaySettings settings;

    GatewayErrorHandler(Problems problems, GatewaySettings settings) {
        this.problems = problems;
        this.settings = settings;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // Part of the answer is already on its way (a stream that broke): all that is left is to close it.
            LOG.debug("Error after the response was committed: {}", error.toString());
            return Mono.error(error);
        }
        return problems.write(exchange, problem(exchange, error));
    }

    private Problems.Problem problem(ServerWebExchange exchange, Throwable error) {
        String service = service(exchange);
        Map<String, Object> route = service == null ? Map.of() : Map.of("route", service);
        if (has(error, TimeoutException.class)) {
            return new Problems.Problem(HttpStatus.GATEWAY_TIMEOUT, "backend-timeout", "Gateway Timeout",
                    "The " + name(service) + " did not start answering within " + settings.readTimeout().toSeconds()
                            + " s. Try again shortly.", settings.retryAfter(), route);
        }
        if (has(error, CallNotPermittedException.class)) {
            return new Problems.Problem(HttpStatus.SERVICE_UNAVAILABLE, "circuit-open", "Service Unavailable",
                    "The " + name(service) + " failed repeatedly and is given a rest; reads are answered again"
                            + " after the Retry-After seconds.", settings.circuitBreaker().openFor(), route);
        }
        if (has(error, ConnectException.class) || has(error, ConnectTimeoutException.class)
                || has(error, NoRouteToHostException.class) || has(error, UnknownHostException.class)
                || has(error, UnresolvedAddressException.class)) {
            LOG.warn("Backend of route {} unreachable: {}", service, rootMessage(error));
            return new Problems.Problem(HttpStatus.SERVICE_UNAVAILABLE, "backend-unavailable", "Service Unavailable",
                    "The " + name(service) + " cannot be reached at the moment; nothing was changed. Try again shortly.",
                    settings.retryAfter(), route);
        }
        if (has(error, PrematureCloseException.class)) {
            LOG.warn("Backend of route {} closed the connection before answering: {}", service, rootMessage(error));
            return new Problems.Problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad Gateway",
                    "The " + name(service) + " closed the connection before it answered. Whether a change was made is"
                            + " unknown: look before trying again.", null, route);
        }
        if (error instanceof ResponseStatusException status) {
            return fromStatus(exchange, status, route);
        }
        LOG.error("Unexpected gateway error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return new Problems.Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal Server Error",
                "The gateway failed to handle the request.", null, route);
    }

    private Problems.Problem fromStatus(ServerWebExchange exchange, ResponseStatusException error, Map<String, Object> route) {
        HttpStatusCode code = error.getStatusCode();
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> new Problems.Problem(status, "not-found", "Not Found",
                    "Nothing is found at this address.", null, route);
            case METHOD_NOT_ALLOWED -> {
                if (error instanceof MethodNotAllowedException notAllowed && !notAllowed.getSupportedMethods().isEmpty()) {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.setAllow(notAllowed.getSupportedMethods());
                }
                yield new Problems.Problem(status, "method-not-allowed", "Method Not Allowed",
                        "This method is not allowed at this address.", null, route);
            }
            case GATEWAY_TIMEOUT -> new Problems.Problem(status, "backend-timeout", "Gateway Timeout",
                    "The " + name(route.isEmpty() ? null : (String) route.get("route")) + " did not answer in time."
                            + " Try again shortly.", settings.retryAfter(), route);
            case SERVICE_UNAVAILABLE -> new Problems.Problem(status, "unavailable", "Service Unavailable",
                    "The service is unavailable for the moment; nothing was changed. Try again shortly.",
                    settings.retryAfter(), route);
            case PAYLOAD_TOO_LARGE -> new Problems.Problem(status, "content-too-large", "Content Too Large",
                    "The request body is too large and was not processed.", null, route);
            default -> status.is4xxClientError()
                    ? new Problems.Problem(status, "http-" + status.value(), status.getReasonPhrase(),
                            "The request was refused by the gateway (" + status.getReasonPhrase() + ").", null, route)
                    : new Problems.Problem(status, "http-" + status.value(), status.getReasonPhrase(),
                            "The gateway failed to handle the request.", null, route);
        };
    }

    @Override
    public int getOrder() {
        return -2;
    }

    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : route.getId();
    }

    private static String name(String service) {
        return service == null ? "service" : service + " service";
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
