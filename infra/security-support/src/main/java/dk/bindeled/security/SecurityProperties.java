package dk.bindeled.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bindeled.security.*}: where tokens come from and how they are checked.
 *
 * @param issuerUri the identity provider's issuer; a token's {@code iss} must equal it exactly. Required.
 * @param jwkSetUri where its signing keys are published; {@code <issuer-uri>/oauth2/jwks} when not set
 * @param audience a token's {@code aud} must contain it
 * @param clockSkew how far {@code exp} and {@code nbf} may be off the service's clock
 * @param jwksTimeout connect and read timeout of each fetch of the keys
 * @param identityRetryAfter the Retry-After of a 503 when the keys could not be fetched
 */
@ConfigurationProperties("bindeled.security")
public record SecurityProperties(String issuerUri, String jwkSetUri, @DefaultValue("bindeled") String audience,
                                 @DefaultValue("30s") Duration clockSkew, @DefaultValue("3s") Duration jwksTimeout,
                                 @DefaultValue("5s") Duration identityRetryAfter) {

    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        String issuer = requiredIssuer();
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/oauth2/jwks";
    }

    public String requiredIssuer() {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalStateException("bindeled.security.issuer-uri is not set: every Bindeled service checks its callers' tokens"
                    + " against an identity provider (locally services/identity, http://localhost:8089)");
        }
        return issuerUri;
    }
}
