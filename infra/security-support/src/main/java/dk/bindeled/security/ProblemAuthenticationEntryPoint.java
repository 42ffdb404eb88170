package dk.bindeled.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every authentication failure as problem+json. No token, or a token that is not valid: 401 with
 * {@code WWW-Authenticate: Bearer} (RFC 6750: {@code error="invalid_token"} and a description when a token was
 * refused). A token that could not be checked because the identity provider's keys could not be fetched: 503
 * {@code identity-unavailable} with Retry-After, since the caller did nothing wrong and the same token may pass
 * in a moment. Used both as the entry point and as the bearer filter's failure handler, so nothing becomes a 500.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);
    static final String REALM = "bindeled";

    private final int retryAfterSeconds;

    ProblemAuthenticationEntryPoint(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            LOG.warn("A bearer token could not be checked: {}", rootMessage(failure));
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
            Problems.write(response, 503, "identity-unavailable", "Identity provider unavailable",
                    "The token could not be checked because the identity provider's signing keys could not be fetched."
                            + " Nothing was changed. Try again shortly.", Map.of());
            return;
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            String description = error.getDescription() == null ? "The token is not valid" : error.getDescription();
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"" + safe(error.getErrorCode())
                    + "\", error_description=\"" + safe(description) + "\"");
            Problems.write(response, 401, "invalid-token", "Invalid token",
                    "The bearer token was refused: " + description, Map.of());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        Problems.write(response, 401, "unauthenticated", "Sign-in required",
                "This request needs a bearer token from the identity provider.", Map.of());
    }

    /** A quoted-string of RFC 9110 must not hold quotes, backslashes or control characters. */
    private static String safe(String value) {
        return value.replaceAll("[\"\\\\\\p{Cntrl}]", " ");
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }
}
