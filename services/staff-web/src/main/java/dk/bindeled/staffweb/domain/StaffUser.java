package dk.bindeled.staffweb.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is signed in, from the ID token's claims. It decides only what the pages offer (a button, a menu item); every
 * service checks the same token again and has the last word, so a page never shows more than a service would answer.
 * The role words are the services' ({@code Caller} in security-support).
 */
public record StaffUser(String username, String name, String org, Set<String> roles, List<String> centres) {

    public static StaffUser of(Map<String, Object> claims) {
        Object roles = claims.get("roles");
        Object centres = claims.get("centres");
        String name = (String) claims.getOrDefault("name", claims.get("sub"));
        return new StaffUser((String) claims.get("sub"), name, (String) claims.get("org"),
                roles instanceof List<?> list ? Set.copyOf(list.stream().map(String::valueOf).toList()) : Set.of(),
                centres instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A partner's member: partner-admin or partner-member of the organisation. */
    public boolean partnerMember() {
        return org != null && (roles.contains("partner-admin") || roles.contains("partner-member"));
    }

    /** A member (partner-admin or partner-member) of this partner. */
    public boolean memberOf(String partnerId) {
        return partnerMember() && org.equals(partnerId);
    }

    /**
     * Moving or cancelling a booking, as room booking allows it: the partner's members, and the staff of its centre. Only
     * decides whether the page offers it; room booking decides again.
     */
    public boolean mayChange(String partnerId, String centreId) {
        return memberOf(partnerId) || staffOf(centreId) || isAdmin();
    }

    public boolean partnerAdmin() {
        return org != null && roles.contains("partner-admin");
    }

    public boolean managerOf(String centre) {
        return roles.contains("centre-manager") && centres.contains(centre);
    }

    public boolean staffOf(String centre) {
        return (roles.contains("centre-manager") || roles.contains("centre-staff")) && centres.contains(centre);
    }

    public boolean manager() {
        return roles.contains("centre-manager") || isAdmin();
    }

    public boolean staff() {
        return roles.contains("centre-manager") || roles.contains("centre-staff");
    }

    /** Room booking lets a partner's members book for it, and a centre's staff book for any partner there. */
    public boolean books() {
        return partnerMember() || staff();
    }

    /** The dashboard v2 is for managers and those who follow the collaboration (fairness names partners). */
    public boolean seesDashboard() {
        return isAdmin() || roles.contains("centre-manager") || roles.contains("coordinator") || roles.contains("centre-staff");
    }

    /** The centres whose managing pages (approvals, feeds) the user has. */
    public List<String> managedCentres() {
        return roles.contains("centre-manager") ? centres : List.of();
    }

    /** Referrals are made and received by those who work for an organisation: caseworkers, centre staff, partners' people. */
    public boolean refers() {
        return org != null && (roles.contains("caseworker") || roles.contains("centre-staff") || roles.contains("centre-manager")
                || roles.contains("partner-admin") || roles.contains("partner-member"));
    }

    public String roleLabel() {
        return DanishText.roles(roles);
    }
}
