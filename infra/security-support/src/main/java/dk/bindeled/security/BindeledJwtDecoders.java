package dk.bindeled.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The one way a Bindeled service checks a token: RS256 only (so neither {@code alg: none} nor a symmetric
 * algorithm can pass), a key from the identity provider's JWKS (fetched on the first token, not at start, so a
 * service starts before the provider does; fetched again when a token names a key it has not seen), {@code iss}
 * exactly the configured issuer, {@code aud} containing the audience, {@code exp} present and not passed,
 * {@code nbf} not ahead, both within the clock skew, a subject, and {@code org} a UUID when present.
 */
public final class BindeledJwtDecoders {

    private BindeledJwtDecoders() {
    }

    /** The decoder every service uses: {@link #verifying} behind a {@link VerifiedTokenCache}. */
    public static JwtDecoder create(SecurityProperties properties) {
        return new VerifiedTokenCache(verifying(properties), validator(properties));
    }

    /** Signature and claims, on every call. */
    public static NimbusJwtDecoder verifying(SecurityProperties properties) {
        SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
        http.setConnectTimeout(properties.jwksTimeout());
        http.setReadTimeout(properties.jwksTimeout());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(http))
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        String audience = properties.audience();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.requiredIssuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()),
                BindeledJwtDecoders::orgIsAPartnerId));
    }

    private static OAuth2TokenValidatorResult orgIsAPartnerId(Jwt jwt) {
        Object org = jwt.getClaims().get(SecurityClaims.ORG);
        if (org == null) {
            return OAuth2TokenValidatorResult.success();
        }
        try {
            UUID.fromString(org.toString());
            return OAuth2TokenValidatorResult.success();
        } catch (IllegalArgumentException e) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The org claim is not a partner id", null));
        }
    }
}
