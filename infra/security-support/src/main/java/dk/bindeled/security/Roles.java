package dk.bindeled.security;

import java.util.List;

/** The role names a token's {@code roles} claim may hold; the same strings the identity provider issues. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String CENTRE_MANAGER = "centre-manager";
    public static final String CENTRE_STAFF = "centre-staff";
    public static final String CASEWORKER = "caseworker";
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String PARTNER_MEMBER = "partner-member";
    public static final String COORDINATOR = "coordinator";
    public static final String VIEWER = "viewer";

    /** Every role, in the order the access tables list them. */
    public static final List<String> ALL = List.of(ADMIN, CENTRE_MANAGER, CENTRE_STAFF, CASEWORKER, PARTNER_ADMIN, PARTNER_MEMBER,
            COORDINATOR, VIEWER);

    private Roles() {
    }
}
