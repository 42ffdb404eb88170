package dk.bindeled.identity.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dk.bindeled.identity.domain.DemoClient;
import dk.bindeled.identity.domain.DemoIdentities;
import dk.bindeled.identity.domain.Role;
import dk.bindeled.identity.keys.SigningKeyFile;
import dk.bindeled.identity.token.TokenIdentities;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The demo file, the key, the users and clients made from them, and the claims their tokens carry. */
@Configuration(proxyBeanMethods = false)
class IdentityConfig {

    @Bean
    DemoIdentities demoIdentities(IdentityProperties properties, ResourceLoader resources) {
        Resource file = resources.getResource(properties.demoFile());
        try {
            return DemoIdentities.read(file.getInputStream(), properties.demoFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo identities " + properties.demoFile(), e);
        }
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // The delegating encoder stores the scheme with the hash ({bcrypt}…), as a real user store would.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(DemoIdentities identities, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(identities.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(encoder.encode(user.password()))
                        // Spring Security's own authorities are not what the services read; the roles claim is.
                        .authorities(user.identity().roles().stream().map(Role::claimValue).toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(DemoIdentities identities, IdentityProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenLifetime())
                .refreshTokenTimeToLive(properties.refreshTokenLifetime())
                // A used refresh token is replaced, so a stolen one works at most until its owner refreshes.
                .reuseRefreshTokens(false)
                .build();
        return new InMemoryRegisteredClientRepository(identities.clients().stream()
                .map(client -> registered(client, properties, encoder, tokens)).toList());
    }

    private static RegisteredClient registered(DemoClient client, IdentityProperties properties, PasswordEncoder encoder,
            TokenSettings tokens) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.identity().name())
                .clientSecret(encoder.encode(client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .tokenSettings(tokens);
        client.grants().forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant.value())));
        client.scopes().forEach(builder::scope);
        if (client.signsInPeople()) {
            properties.webRedirectUris().forEach(builder::redirectUri);
            properties.webPostLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
            builder.clientSettings(ClientSettings.builder()
                    .requireProofKey(true)
                    // Bindeled's own web app: nothing for the user to consent to.
                    .requireAuthorizationConsent(false)
                    .build());
        }
        return builder.build();
    }

    @Bean
    OAuth2AuthorizationService authorizations() {
        // Codes and refresh tokens are forgotten on restart; the signing key is not, so access tokens outlive one.
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties) {
        RSAKey key = SigningKeyFile.loadOrCreate(properties.keyDir());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        // The userinfo endpoint reads the access tokens this server signed.
        return NimbusJwtDecoder.withJwkSource(signingKeys).build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    TokenIdentities tokenIdentities(DemoIdentities identities, IdentityProperties properties) {
        return new TokenIdentities(identities, properties.audience());
    }
}
