package dk.bindeled.booking.domain;

import java.util.Set;

/**
 * Who is asking, as the booking rules need it: the token's subject, its roles, its organisation (a partner id) and
 * the centres it works in. {@link #ANONYMOUS} for a request without a token (the public reads).
 */
public record Viewer(String subject, Set<String> roles, String org, Set<String> centres) {

    public static final Viewer ANONYMOUS = new Viewer(null, Set.of(), null, Set.of());

    public Viewer {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        centres = centres == null ? Set.of() : Set.copyOf(centres);
        org = org == null || org.isBlank() ? null : org;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean signedIn() {
        return subject != null;
    }
}
