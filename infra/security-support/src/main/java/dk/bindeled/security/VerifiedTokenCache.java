package dk.bindeled.security;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks a token's RS256 signature once, not on every request that carries it: a client sends the same token for its
 * 15 minutes, and the signature check was about 5 % of the service's CPU in the booking benchmark. Only the signature is remembered: the claims are
 * validated again on every use ({@code exp} above all), so a cached token stops working the moment it expires. The
 * price: a token signed by a key the provider has since withdrawn is accepted until it expires, at most its lifetime.
 * A refused token is never remembered, and a tampered one is another string, so it is checked in full.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_ENTRIES = 2_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code verifier} checks signature and claims; {@code validator} the claims alone, on every cached use. */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this.verifier = verifier;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.get(token);
        if (cached != null) {
            OAuth2TokenValidatorResult result = validator.validate(cached);
            if (result.hasErrors()) {
                verified.remove(token);
                throw new JwtValidationException("The token is no longer valid: " + result.getErrors().iterator().next().getDescription(),
                        result.getErrors());
            }
            return cached;
        }
        Jwt jwt = verifier.decode(token);
        if (jwt == null) {
            throw new BadJwtException("No token");
        }
        if (verified.size() >= MAX_ENTRIES) {
            // Many clients at once: start afresh rather than track ages; each then costs one more signature check.
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
