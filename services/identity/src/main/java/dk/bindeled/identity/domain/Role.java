package dk.bindeled.identity.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The platform's roles, spelled in tokens as the services' access rules expect them ({@code centre-manager}). */
public enum Role {
    ADMIN("admin"),
    CENTRE_MANAGER("centre-manager"),
    CENTRE_STAFF("centre-staff"),
    CASEWORKER("caseworker"),
    PARTNER_ADMIN("partner-admin"),
    PARTNER_MEMBER("partner-member"),
    COORDINATOR("coordinator"),
    VIEWER("viewer");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** How the role appears in the {@code roles} claim. */
    public String claimValue() {
        return claimValue;
    }

    /** A role that only makes sense for the centres it is held in: without centres it would grant nothing. */
    public boolean boundToCentres() {
        return this == CENTRE_MANAGER || this == CENTRE_STAFF;
    }

    /** A role held on behalf of an organisation: without one it would have nothing to act for. */
    public boolean boundToOrganisation() {
        return this == PARTNER_ADMIN || this == PARTNER_MEMBER;
    }

    public static Optional<Role> fromClaimValue(String value) {
        return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
    }

    public static String known() {
        return Arrays.stream(values()).map(Role::claimValue).collect(Collectors.joining(", "));
    }
}
