package dk.bindeled.identity.config;

import dk.bindeled.identity.token.TokenIdentities;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains: the authorization server's protocol endpoints (token, authorize, JWKS, discovery, userinfo,
 * logout), and everything else, which is the Danish login page. Nothing else is served.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, TokenIdentities tokenIdentities) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(tokenIdentities::userInfo)));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser that is not signed in is sent to the login page; an API client gets a 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browsers()))
                // The userinfo endpoint is called with an access token of this server.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    // Accept: */* (curl, scripts) would otherwise count as HTML and be redirected to the login page instead of a 401.
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Actuator is on the management port, which only the local stack and the orchestrator reach.
                        .requestMatchers(LOGIN_PAGE, "/identity.css", "/error", "/actuator/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage(LOGIN_PAGE))
                .logout(Customizer.withDefaults());
        return http.build();
    }
}
