package dk.bindeled.partner.web;

import dk.bindeled.partner.query.Views.PartnerView;
import dk.bindeled.security.Caller;
import dk.bindeled.security.Callers;
import dk.bindeled.security.MissingRightException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whose partner a caller may touch, the one place the partner registry decides it (the endpoint rules in
 * {@code config.AccessConfig} only say who must be signed in or an admin). A partner's own admins (partner-admin
 * of that organisation) edit its profile, offers, contacts and shared resources; the platform admin registers and
 * deactivates partners, manages centre membership and may do everything a partner's admin may. Contact people are
 * shown to the partner's own members (partner-admin, partner-member) and the admin only; to everyone else a partner
 * is open data without them.
 */
@Component
public class PartnerAccess {

    public void requireEditorOf(String partnerId) {
        Caller caller = Callers.current();
        if (!caller.isAdmin() && !caller.adminOf(uuid(partnerId).orElse(null))) {
            throw new MissingRightException("partner-admin-of-partner",
                    "Only the partner's own administrators (partner-admin of partner " + partnerId + ") or an admin may change it.");
        }
    }

    public void requireMemberOf(String partnerId) {
        if (!seesContactsOf(partnerId)) {
            throw new MissingRightException("member-of-partner",
                    "Only the partner's own members (partner-admin or partner-member of " + partnerId + ") or an admin may see this.");
        }
    }

    public void requireAdmin(String action) {
        if (!Callers.current().isAdmin()) {
            throw new MissingRightException("admin", "Only an admin may " + action + ".");
        }
    }

    public boolean seesContactsOf(String partnerId) {
        Caller caller = Callers.current();
        return caller.isAdmin() || caller.memberOf(uuid(partnerId).orElse(null));
    }

    /** The partner as open data: everything but its contact people. */
    public static PartnerView withoutContacts(PartnerView p) {
        return new PartnerView(p.id(), p.name(), p.sector(), p.kind(), p.cvr(), p.description(), p.website(), p.email(), p.phone(),
                p.active(), p.deactivationReason(), p.registeredAt(), p.updatedAt(), List.of(), p.offers(), p.sharedResources(),
                p.centres());
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAPartnerId) {
            return Optional.empty();
        }
    }
}
