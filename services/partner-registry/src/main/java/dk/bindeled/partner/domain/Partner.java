package dk.bindeled.partner.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import dk.bindeled.partner.api.Commands.AddContactPerson;
import dk.bindeled.partner.api.Commands.DeactivatePartner;
import dk.bindeled.partner.api.Commands.JoinCentre;
import dk.bindeled.partner.api.Commands.LeaveCentre;
import dk.bindeled.partner.api.Commands.PublishOffer;
import dk.bindeled.partner.api.Commands.RegisterPartner;
import dk.bindeled.partner.api.Commands.RemoveContactPerson;
import dk.bindeled.partner.api.Commands.ShareResource;
import dk.bindeled.partner.api.Commands.UpdateOffer;
import dk.bindeled.partner.api.Commands.UpdatePartnerProfile;
import dk.bindeled.partner.api.Commands.WithdrawOffer;
import dk.bindeled.partner.api.Commands.WithdrawResource;
import dk.bindeled.partner.api.Events.ContactPersonAdded;
import dk.bindeled.partner.api.Events.ContactPersonRemoved;
import dk.bindeled.partner.api.Events.OfferPublished;
import dk.bindeled.partner.api.Events.OfferUpdated;
import dk.bindeled.partner.api.Events.OfferWithdrawn;
import dk.bindeled.partner.api.Events.PartnerDeactivated;
import dk.bindeled.partner.api.Events.PartnerJoinedCentre;
import dk.bindeled.partner.api.Events.PartnerLeftCentre;
import dk.bindeled.partner.api.Events.PartnerProfileUpdated;
import dk.bindeled.partner.api.Events.PartnerRegistered;
import dk.bindeled.partner.api.Events.ResourceShared;
import dk.bindeled.partner.api.Events.ResourceWithdrawn;
import dk.bindeled.partner.api.OfferDetails;
import dk.bindeled.partner.api.PartnerProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A partner (aktør) in the directory, event-sourced. It guards its own rules: nothing changes on a
 * deactivated partner, offers and other parts must exist to be changed, values must make sense.
 */
@Aggregate(snapshotTriggerDefinition = "partnerSnapshotTrigger")
public class Partner {

    static final String DEACTIVATION_WITHDRAWS_OFFERS = "Aktøren er deaktiveret";

    @AggregateIdentifier
    private String partnerId;
    private String cvr;
    private boolean active;
    private Set<String> contactPersons = new HashSet<>();
    /** Offer id → withdrawn. */
    private Map<String, Boolean> offers = new HashMap<>();
    private Set<String> resources = new HashSet<>();
    private Map<String, MembershipRole> centres = new HashMap<>();

    protected Partner() {
        // Axon rebuilds the aggregate from its events or a snapshot.
    }

    @CommandHandler
    public Partner(RegisterPartner command, CvrRegistry cvrRegistry) {
        checkProfile(command.profile());
        if (command.profile().cvr() != null) {
            cvrRegistry.claim(command.profile().cvr(), command.partnerId());
        }
        apply(new PartnerRegistered(command.partnerId(), command.profile()));
    }

    @CommandHandler
    public void handle(UpdatePartnerProfile command, CvrRegistry cvrRegistry) {
        requireActive();
        checkProfile(command.profile());
        String newCvr = command.profile().cvr();
        if (!Objects.equals(cvr, newCvr)) {
            if (newCvr != null) {
                cvrRegistry.claim(newCvr, partnerId);
            }
            if (cvr != null) {
                cvrRegistry.release(cvr, partnerId);
            }
        }
        apply(new PartnerProfileUpdated(partnerId, command.profile()));
    }

    @CommandHandler
    public void handle(DeactivatePartner command, CvrRegistry cvrRegistry) {
        if (!active) {
            throw new RuleViolationException("Partner " + partnerId + " is already deactivated");
        }
        if (cvr != null) {
            cvrRegistry.release(cvr, partnerId);
        }
        // Consumers should not have to infer that a deactivated partner's offers are gone.
        offers.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().toList()
                .forEach(offerId -> apply(new OfferWithdrawn(partnerId, offerId, DEACTIVATION_WITHDRAWS_OFFERS)));
        apply(new PartnerDeactivated(partnerId, command.reason()));
    }

    @CommandHandler
    public void handle(AddContactPerson command) {
        requireActive();
        if (contactPersons.contains(command.contactPersonId())) {
            throw new RuleViolationException("Contact person " + command.contactPersonId() + " already exists");
        }
        apply(new ContactPersonAdded(partnerId, command.contactPersonId(), command.name(), command.role(),
                command.workEmail(), command.workPhone()));
    }

    @CommandHandler
    public void handle(RemoveContactPerson command) {
        if (!contactPersons.contains(command.contactPersonId())) {
            throw new NotFoundException("Partner " + partnerId + " has no contact person " + command.contactPersonId());
        }
        apply(new ContactPersonRemoved(partnerId, command.contactPersonId()));
    }

    @CommandHandler
    public void handle(PublishOffer command) {
        requireActive();
        if (offers.containsKey(command.offerId())) {
            throw new RuleViolationException("Offer " + command.offerId() + " already exists");
        }
        checkOffer(command.details());
        apply(new OfferPublished(partnerId, command.offerId(), command.details()));
    }

    @CommandHandler
    public void handle(UpdateOffer command) {
        requireActive();
        requireOpenOffer(command.offerId());
        checkOffer(command.details());
        apply(new OfferUpdated(partnerId, command.offerId(), command.details()));
    }

    @CommandHandler
    public void handle(WithdrawOffer command) {
        requireOpenOffer(command.offerId());
        apply(new OfferWithdrawn(partnerId, command.offerId(), command.reason()));
    }

    @CommandHandler
    public void handle(ShareResource command) {
        requireActive();
        if (resources.contains(command.resourceId())) {
            throw new RuleViolationException("Resource " + command.resourceId() + " is already shared");
        }
        apply(new ResourceShared(partnerId, command.resourceId(), command.name(), command.category(),
                command.description(), command.terms()));
    }

    @CommandHandler
    public void handle(WithdrawResource command) {
        if (!resources.contains(command.resourceId())) {
            throw new NotFoundException("Partner " + partnerId + " shares no resource " + command.resourceId());
        }
        apply(new ResourceWithdrawn(partnerId, command.resourceId()));
    }

    @CommandHandler
    public void handle(JoinCentre command) {
        requireActive();
        if (command.role() == centres.get(command.centreId())) {
            throw new RuleViolationException("Partner " + partnerId + " is already a " + command.role() + " of centre " + command.centreId());
        }
        apply(new PartnerJoinedCentre(partnerId, command.centreId(), command.centreName(), command.role()));
    }

    @CommandHandler
    public void handle(LeaveCentre command) {
        if (!centres.containsKey(command.centreId())) {
            throw new NotFoundException("Partner " + partnerId + " is not a member of centre " + command.centreId());
        }
        apply(new PartnerLeftCentre(partnerId, command.centreId()));
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        partnerId = event.partnerId();
        cvr = event.profile().cvr();
        active = true;
    }

    @EventSourcingHandler
    void on(PartnerProfileUpdated event) {
        cvr = event.profile().cvr();
    }

    @EventSourcingHandler
    void on(PartnerDeactivated event) {
        active = false;
        cvr = null;
    }

    @EventSourcingHandler
    void on(ContactPersonAdded event) {
        contactPersons.add(event.contactPersonId());
    }

    @EventSourcingHandler
    void on(ContactPersonRemoved event) {
        contactPersons.remove(event.contactPersonId());
    }

    @EventSourcingHandler
    void on(OfferPublished event) {
        offers.put(event.offerId(), false);
    }

    @EventSourcingHandler
    void on(OfferWithdrawn event) {
        offers.put(event.offerId(), true);
    }

    @EventSourcingHandler
    void on(ResourceShared event) {
        resources.add(event.resourceId());
    }

    @EventSourcingHandler
    void on(ResourceWithdrawn event) {
        resources.remove(event.resourceId());
    }

    @EventSourcingHandler
    void on(PartnerJoinedCentre event) {
        centres.put(event.centreId(), event.role());
    }

    @EventSourcingHandler
    void on(PartnerLeftCentre event) {
        centres.remove(event.centreId());
    }

    private void requireActive() {
        if (!active) {
            throw new RuleViolationException("Partner " + partnerId + " is deactivated");
        }
    }

    private void requireOpenOffer(String offerId) {
        Boolean withdrawn = offers.get(offerId);
        if (withdrawn == null) {
            throw new NotFoundException("Partner " + partnerId + " has no offer " + offerId);
        }
        if (withdrawn) {
            throw new RuleViolationException("Offer " + offerId + " is withdrawn");
        }
    }

    private static void checkProfile(PartnerProfile profile) {
        if (profile.cvr() == null) {
            return;
        }
        if (profile.sector() == Sector.INFORMAL) {
            throw new InvalidInputException("cvr", "an informal group has no CVR number");
        }
        if (!Cvr.isValid(profile.cvr())) {
            throw new InvalidInputException("cvr", "must be 8 digits passing the modulus-11 check");
        }
    }

    private static void checkOffer(OfferDetails offer) {
        if (offer.targetGroups().isEmpty()) {
            throw new InvalidInputException("targetGroups", "must name at least one target group");
        }
        if (offer.minimumAge() != null && offer.maximumAge() != null && offer.minimumAge() > offer.maximumAge()) {
            throw new InvalidInputException("maximumAge", "must not be below minimumAge");
        }
        for (int i = 0; i < offer.schedules().size(); i++) {
            WeeklySchedule s = offer.schedules().get(i);
            if (!s.closesAt().isAfter(s.opensAt())) {
                throw new InvalidInputException("schedules[" + i + "].closesAt", "must be after opensAt");
            }
            if (s.validFrom() != null && s.validTo() != null && s.validTo().isBefore(s.validFrom())) {
                throw new InvalidInputException("schedules[" + i + "].validTo", "must not be before validFrom");
            }
        }
        Capacity capacity = offer.capacity();
        if (capacity != null && capacity.maximum() != null && capacity.available() != null
                && capacity.available() > capacity.maximum()) {
            throw new InvalidInputException("capacity.available", "must not exceed capacity.maximum");
        }
        if (offer.status() == null) {
            throw new InvalidInputException("status", "must be given");
        }
    }
}
