package dk.bindeled.staffweb.config;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The backend-for-frontend: the browser signs in with the authorization code flow (PKCE) and holds only a session
 * cookie; the tokens stay in the server's session and go with every call to a service. CSRF tokens on every form.
 */
@Configuration
public class SecurityConfig {

    static final String REGISTRATION = "bindeled";

    /**
     * Configured, not discovered: the app starts before the identity provider answers (the local stack starts them
     * together), and the ID token's issuer is still checked against {@code issuer}.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(StaffWebProperties properties) {
        String issuer = properties.issuer().toString().replaceAll("/$", "");
        String backChannel = properties.backChannel().toString().replaceAll("/$", "");
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientName("Bindeled")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(backChannel + "/oauth2/token")
                .jwkSetUri(backChannel + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .build());
    }

    private static AuthenticationEntryPoint entryPoint() {
        AuthenticationEntryPoint htmx = (request, response, e) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + "/");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
        return DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(htmx, request -> "true".equals(request.getHeader("HX-Request")))
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION))
                .build();
    }

    /** In the session, so the tokens live and die with it (and a second instance with shared sessions has them). */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        return manager;
    }

    /**
     * The actuator's own port (health probes, Prometheus) is not behind sign-in. The services get the same from
     * security-support, which makes them resource servers; this app is an OAuth2 client, so it states it here.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementServer(HttpSecurity http) throws Exception {
        return http.securityMatcher(request -> {
                    WebApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
                    return context != null && WebServerApplicationContext.hasServerNamespace(context, "management");
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, StaffWebProperties properties) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        String issuerOrigin = properties.issuer().getScheme() + "://" + properties.issuer().getAuthority();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/signed-out", "/error", "/favicon.ico").permitAll()
                        // A status link is opened by a partner without an account: the token in the address is the credential.
                        .requestMatchers("/status/*").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests)))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                // Not signed in: to the provider's sign-in. An htmx request cannot follow that redirect (it is another origin),
                // so it is told to load the whole page instead, which then goes there.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint()))
                // The gateway adds its own policy only when a service sends none: ours also lets the sign-out form go on to
                // the provider (form-action applies to the redirects after a form is sent).
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + issuerOrigin
                                + "; frame-ancestors 'none'")));
        return http.build();
    }
}
