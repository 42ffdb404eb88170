package dk.bindeled.identity.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bindeled.identity.*}.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document; the services trust this URL
 * @param keyDir where the signing key lives, so tokens stay verifiable across restarts
 * @param demoFile the users, organisations and clients
 * @param webRedirectUris where the browser client may receive its authorization code
 * @param webPostLogoutRedirectUris where the browser client may send people after RP-initiated logout
 * @param audience the {@code aud} of every access token: what the services check a token was meant for
 * @param accessTokenLifetime how long an access token is good for
 * @param refreshTokenLifetime how long a refresh token is good for (a working day: sign in once in the morning)
 */
@ConfigurationProperties("bindeled.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8089") String issuer,
        @DefaultValue("./data/identity") Path keyDir,
        @DefaultValue("classpath:demo-identities.json") String demoFile,
        @DefaultValue({"http://localhost:8080/login/oauth2/code/bindeled", "http://127.0.0.1:8080/login/oauth2/code/bindeled"})
        List<String> webRedirectUris,
        @DefaultValue({"http://localhost:8080/", "http://127.0.0.1:8080/"}) List<String> webPostLogoutRedirectUris,
        @DefaultValue("bindeled") String audience,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("8h") Duration refreshTokenLifetime) {
}
