package dk.bindeled.security;

import dk.bindeled.command.CommandActor;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Every Bindeled web service as an OAuth2 resource server: bearer JWTs checked by {@link BindeledJwtDecoders},
 * the rules of the service's {@link EndpointAccessRules} bean (deny by default, see {@link EndpointAccess}),
 * 401/403/503 as problem+json, no sessions and no CSRF (no cookies are read: a request is signed in by its
 * token alone), and the token's subject as the actor on every command ({@link TokenCommandActor}).
 * The management server (actuator on its own port) is left to itself.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "dk.bindeled.command.CommandSupportAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecuritySupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    public JwtDecoder bindeledJwtDecoder(SecurityProperties properties) {
        return BindeledJwtDecoders.create(properties);
    }

    /**
     * No observation per security filter, per authentication and per authorisation: with an observation registry
     * present (the actuator's), Spring Security wraps each of a dozen filters in one, which was a tenth of a booking's
     * CPU and tells an operator nothing the request's own {@code http.server.requests} timer does not.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    public SecurityObservationSettings bindeledSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The actuator's own server: health probes and Prometheus reach it without a token, as before. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SecurityFilterChain bindeledManagementServer(HttpSecurity http) throws Exception {
        return http.securityMatcher(SecuritySupportAutoConfiguration::servedByManagementServer)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    public SecurityFilterChain bindeledEndpointAccess(HttpSecurity http, SecurityProperties properties, JwtDecoder decoder,
                                                      ObjectProvider<EndpointAccessRules> rules) throws Exception {
        EndpointAccess access = new EndpointAccess();
        rules.orderedStream().forEach(r -> r.declare(access));
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(
                (int) Math.max(1, properties.identityRetryAfter().toSeconds()));
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler();
        return http
                .authorizeHttpRequests(requests -> {
                    // A dispatch the original request already passed: the async one of an SSE stream or a deferred
                    // result, the error page a refusal is rendered on, and a page controller's forward to its static page.
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
                    access.applyTo(requests);
                })
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied)
                        // Spring rethrows a failure to check the token (keys not fetched) as an exception, which
                        // would end as a 500: the entry point answers it as 503 instead.
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(entryPoint::commence);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Roles become authorities {@code ROLE_<role>}; the principal's name is the subject. */
    static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(SecurityClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    static boolean servedByManagementServer(HttpServletRequest request) {
        WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dk.bindeled.command.CommandActor")
    static class CommandActors {

        @Bean
        @ConditionalOnMissingBean(CommandActor.class)
        TokenCommandActor tokenCommandActor() {
            return new TokenCommandActor();
        }
    }
}
