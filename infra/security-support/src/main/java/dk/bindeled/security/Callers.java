package dk.bindeled.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The {@link Caller} of the current request, from Spring Security's context. */
public final class Callers {

    private Callers() {
    }

    /** The caller the request's validated token describes; {@link Caller#ANONYMOUS} without one (or outside a request). */
    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Caller of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return Caller.of(token.getToken());
        }
        return Caller.ANONYMOUS;
    }
}
