package dk.bindeled.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sends the current request, as its token says: the subject, the organisation (a partner id; none for an
 * admin or a viewer), that organisation's CVR, the roles and the centres the roles apply to.
 * {@link #ANONYMOUS} when the request carries no token.
 *
 * <p>The helpers answer the questions the services' permission classes ask; they never consult anything but the
 * token, so a right is only as fresh as the token (15 minutes at the identity provider).
 */
public record Caller(String subject, String name, Optional<UUID> org, Optional<String> orgCvr, Set<String> roles, Set<String> centres) {

    public static final String ANONYMOUS_SUBJECT = "anonymous";
    public static final Caller ANONYMOUS = new Caller(ANONYMOUS_SUBJECT, ANONYMOUS_SUBJECT, Optional.empty(), Optional.empty(), Set.of(), Set.of());

    public Caller {
        Objects.requireNonNull(subject, "subject");
        name = name == null ? subject : name;
        org = org == null ? Optional.empty() : org;
        orgCvr = orgCvr == null ? Optional.empty() : orgCvr;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        centres = centres == null ? Set.of() : Set.copyOf(centres);
    }

    /** The caller a validated token describes. The {@code org} claim was checked to be a UUID when the token was validated. */
    public static Caller of(Jwt jwt) {
        String org = jwt.getClaimAsString(SecurityClaims.ORG);
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(SecurityClaims.NAME),
                org == null || org.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(org)),
                Optional.ofNullable(jwt.getClaimAsString(SecurityClaims.ORG_CVR)),
                strings(jwt.getClaim(SecurityClaims.ROLES)), strings(jwt.getClaim(SecurityClaims.CENTRES)));
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            Set<String> out = new LinkedHashSet<>();
            values.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        return claim instanceof String single ? Set.of(single) : Set.of();
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(this);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... any) {
        return List.of(any).stream().anyMatch(roles::contains);
    }

    /** A centre-manager whose token names this centre. */
    public boolean managerOf(String centre) {
        return hasRole(Roles.CENTRE_MANAGER) && centres.contains(centre);
    }

    /** The centre's staff: centre-staff or centre-manager whose token names this centre. */
    public boolean staffOf(String centre) {
        return hasAnyRole(Roles.CENTRE_STAFF, Roles.CENTRE_MANAGER) && centres.contains(centre);
    }

    /** A member of the partner: partner-admin or partner-member of exactly that organisation. */
    public boolean memberOf(UUID partner) {
        return hasAnyRole(Roles.PARTNER_ADMIN, Roles.PARTNER_MEMBER) && belongsTo(partner);
    }

    /** The partner's own administrator: partner-admin of exactly that organisation (not the platform admin). */
    public boolean adminOf(UUID partner) {
        return hasRole(Roles.PARTNER_ADMIN) && belongsTo(partner);
    }

    /** Whether the token's organisation is this one, whatever the roles. */
    public boolean belongsTo(UUID partner) {
        return partner != null && org.filter(partner::equals).isPresent();
    }
}
