package dk.bindeled.partner.web;

import dk.bindeled.partner.domain.RuleViolationException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
import dk.bindeled.partner.web.Requests.ContactRequest;
import dk.bindeled.partner.web.Requests.Created;
import dk.bindeled.partner.web.Requests.MembershipRequest;
import dk.bindeled.partner.web.Requests.OfferRequest;
import dk.bindeled.partner.web.Requests.ProfileRequest;
import dk.bindeled.partner.web.Requests.ReasonRequest;
import dk.bindeled.partner.web.Requests.ResourceRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partners: commands", description = "Register partners and keep their profile, offers, contacts, shared resources and centre memberships current")
public class PartnerCommandController {

    private final CommandSender commands;

    private final PartnerAccess access;

    public PartnerCommandController(CommandSender commands, PartnerAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Register a partner (actor)")
    public ResponseEntity<Created> register(@Valid @RequestBody ProfileRequest body) {
        access.requireAdmin("register partners");
        String id = (body.id() == null ? UUID.randomUUID() : body.id()).toString();
        try {
            commands.send(new RegisterPartner(id, body.toProfile()), id);
        } catch (AggregateStreamCreationException taken) {
            // Only a client-chosen id can be taken (a random one is not): its stream exists already.
            throw new RuleViolationException("A partner with id " + id + " is registered already");
        }
        return ResponseEntity.created(URI.create("/api/partners/" + id)).body(new Created(id));
    }

    @PutMapping("/{partnerId}/profile")
    @Operation(summary = "Replace a partner's profile")
    public ResponseEntity<Void> updateProfile(@PathVariable String partnerId, @Valid @RequestBody ProfileRequest body) {
        access.requireEditorOf(partnerId);
        commands.send(new UpdatePartnerProfile(partnerId, body.toProfile()), partnerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{partnerId}/deactivation")
    @Operation(summary = "Deactivate a partner; its open offers are withdrawn, its history is kept")
    public ResponseEntity<Void> deactivate(@PathVariable String partnerId, @Valid @RequestBody(required = false) ReasonRequest body) {
        access.requireAdmin("deactivate partners");
        commands.send(new DeactivatePartner(partnerId, body == null ? null : Requests.blankToNull(body.reason())), partnerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{partnerId}/contacts")
    @Operation(summary = "Add a contact person (work data only)")
    public ResponseEntity<Created> addContact(@PathVariable String partnerId, @Valid @RequestBody ContactRequest body) {
        access.requireEditorOf(partnerId);
        String id = UUID.randomUUID().toString();
        commands.send(new AddContactPerson(partnerId, id, body.name().trim(), Requests.blankToNull(body.role()),
                Requests.blankToNull(body.workEmail()), Requests.blankToNull(body.workPhone())), partnerId);
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/contacts/" + id)).body(new Created(id));
    }

    @DeleteMapping("/{partnerId}/contacts/{contactPersonId}")
    @Operation(summary = "Remove a contact person")
    public ResponseEntity<Void> removeContact(@PathVariable String partnerId, @PathVariable String contactPersonId) {
        access.requireEditorOf(partnerId);
        commands.send(new RemoveContactPerson(partnerId, contactPersonId), partnerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{partnerId}/offers")
    @Operation(summary = "Publish an offer (tilbud)")
    public ResponseEntity<Created> publishOffer(@PathVariable String partnerId, @Valid @RequestBody OfferRequest body) {
        access.requireEditorOf(partnerId);
        String id = UUID.randomUUID().toString();
        commands.send(new PublishOffer(partnerId, id, body.toDetails()), partnerId);
        return ResponseEntity.created(URI.create("/api/offers/" + id)).body(new Created(id));
    }

    @PutMapping("/{partnerId}/offers/{offerId}")
    @Operation(summary = "Replace an offer")
    public ResponseEntity<Void> updateOffer(@PathVariable String partnerId, @PathVariable String offerId,
                                            @Valid @RequestBody OfferRequest body) {
        access.requireEditorOf(partnerId);
        commands.send(new UpdateOffer(partnerId, offerId, body.toDetails()), partnerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{partnerId}/offers/{offerId}/withdrawal")
    @Operation(summary = "Withdraw an offer")
    public ResponseEntity<Void> withdrawOffer(@PathVariable String partnerId, @PathVariable String offerId,
                                              @Valid @RequestBody(required = false) ReasonRequest body) {
        access.requireEditorOf(partnerId);
        commands.send(new WithdrawOffer(partnerId, offerId, body == null ? null : Requests.blankToNull(body.reason())), partnerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{partnerId}/resources")
    @Operation(summary = "Share a resource on the sharing board (delebørs)")
    public ResponseEntity<Created> shareResource(@PathVariable String partnerId, @Valid @RequestBody ResourceRequest body) {
        access.requireEditorOf(partnerId);
        String id = UUID.randomUUID().toString();
        commands.send(new ShareResource(partnerId, id, body.name().trim(), body.category(), Requests.blankToNull(body.description()),
                Requests.blankToNull(body.terms())), partnerId);
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/resources/" + id)).body(new Created(id));
    }

    @DeleteMapping("/{partnerId}/resources/{resourceId}")
    @Operation(summary = "Withdraw a shared resource")
    public ResponseEntity<Void> withdrawResource(@PathVariable String partnerId, @PathVariable String resourceId) {
        access.requireEditorOf(partnerId);
        commands.send(new WithdrawResource(partnerId, resourceId), partnerId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{partnerId}/centres/{centreId}")
    @Operation(summary = "Join a centre as a resident or ad-hoc actor (or change the role)")
    public ResponseEntity<Void> joinCentre(@PathVariable String partnerId,
                                           @PathVariable @Pattern(regexp = Requests.CENTRE_ID, message = "must be lower-case letters, digits and dashes") String centreId,
                                           @Valid @RequestBody MembershipRequest body) {
        access.requireAdmin("manage centre membership");
        commands.send(new JoinCentre(partnerId, centreId, Requests.blankToNull(body.centreName()), body.role()), partnerId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{partnerId}/centres/{centreId}")
    @Operation(summary = "Leave a centre")
    public ResponseEntity<Void> leaveCentre(@PathVariable String partnerId, @PathVariable String centreId) {
        access.requireAdmin("manage centre membership");
        commands.send(new LeaveCentre(partnerId, centreId), partnerId);
        return ResponseEntity.noContent().build();
    }
}
