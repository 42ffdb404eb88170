package dk.bindeled.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wiring only: the gateway's filters, its two rate limiters, the circuit breakers' defaults, Redis's client. */
@Configuration(proxyBeanMethods = false)
class GatewayConfig {

    @Bean
    ClientAddress clientAddress(GatewaySettings settings) {
        return new ClientAddress(settings.trustedProxies());
    }

    @Bean
    ForwardedHeaders forwardedHeaders(ClientAddress addresses) {
        return new ForwardedHeaders(addresses);
    }

    @Bean
    Problems problems(JsonMapper json) {
        return new Problems(json);
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler(Problems problems, GatewaySettings settings) {
        return new GatewayErrorHandler(problems, settings);
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter(GatewaySettings settings) {
        return new SecurityHeadersFilter(settings.securityHeaders());
    }

    /**
     * Beans, so that the application context hands them Redis and the gateway's token-bucket script; not default
     * candidates, so the gateway's RequestRateLimiter filter keeps its own limiter, unused here.
     */
    @Bean(defaultCandidate = false)
    RedisRateLimiter addressRateLimiter(GatewaySettings settings) {
        return WriteRateLimitFilter.limiter(settings.rateLimit().address());
    }

    @Bean(defaultCandidate = false)
    RedisRateLimiter clientRateLimiter(GatewaySettings settings) {
        return WriteRateLimitFilter.limiter(settings.rateLimit().client());
    }

    @Bean
    WriteRateLimitFilter writeRateLimitFilter(GatewaySettings settings,
                                              @Qualifier("addressRateLimiter") RedisRateLimiter addressRateLimiter,
                                              @Qualifier("clientRateLimiter") RedisRateLimiter clientRateLimiter, ClientAddress addresses,
                                              JsonMapper json, Problems problems, MeterRegistry meters) {
        return new WriteRateLimitFilter(settings, addressRateLimiter, clientRateLimiter, addresses,
                new ClientIdentity(json), problems, meters);
    }

    @Bean
    ReadResilienceFilter readResilienceFilter(ReactiveCircuitBreakerFactory<?, ?> breakers) {
        return new ReadResilienceFilter(breakers);
    }

    /** Every route's breaker: a count-based window, and the read timeout as its time limit. */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(GatewaySettings settings) {
        GatewaySettings.CircuitBreaker breaker = settings.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.window())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .failureRateThreshold(breaker.failureRate())
                        .waitDurationInOpenState(breaker.openFor())
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(settings.readTimeout()).build())
                .build());
    }

    /**
     * While Redis is known to be down, fail a limiter's command at once instead of queueing it until the command
     * timeout: the write then goes through without delay (see {@link WriteRateLimitFilter}).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
