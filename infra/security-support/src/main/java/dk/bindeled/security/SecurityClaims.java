package dk.bindeled.security;

/** The claims Bindeled reads from an access token, besides the registered ones (iss, sub, aud, exp, nbf). */
public final class SecurityClaims {

    public static final String NAME = "name";
    /** The caller's organisation: a partner id (UUID). Absent for the platform admin. */
    public static final String ORG = "org";
    public static final String ORG_CVR = "org_cvr";
    /** A JSON array of {@link Roles}. */
    public static final String ROLES = "roles";
    /** A JSON array of centre ids the roles apply to. */
    public static final String CENTRES = "centres";

    private SecurityClaims() {
    }
}
