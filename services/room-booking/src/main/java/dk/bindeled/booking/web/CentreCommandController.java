package dk.bindeled.booking.web;

import dk.bindeled.booking.api.Commands.ChangeResourceRules;
import dk.bindeled.booking.api.Commands.DefineCentre;
import dk.bindeled.booking.api.Commands.DefineResource;
import dk.bindeled.booking.api.Commands.SetPartnerQuota;
import dk.bindeled.booking.domain.BookingPermissions;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.web.CommandRequests.CentreRequest;
import dk.bindeled.booking.web.CommandRequests.Created;
import dk.bindeled.booking.web.CommandRequests.OpeningHoursRequest;
import dk.bindeled.booking.web.CommandRequests.QuotaRequest;
import dk.bindeled.booking.web.CommandRequests.ResourceRequest;
import dk.bindeled.booking.web.CommandRequests.RulesRequest;
import dk.bindeled.booking.web.CommandRequests.WindowRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Centres, their resources, rules and quotas: set up by admin or by that centre's manager ({@link BookingPermissions}). */
@RestController
@Tag(name = "Centres and resources: commands", description = "Set up centres, their bookable resources, rules and quotas")
public class CentreCommandController {

    private final CommandSender commands;
    private final Access access;

    public CentreCommandController(CommandSender commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    private void mayAdminister(String centreId) {
        access.require(BookingPermissions.mayAdministerCentre(access.viewer(), centreId), BookingPermissions.ADMINISTER_CENTRE);
    }

    @PostMapping("/api/centres")
    @Operation(summary = "Set up a centre for booking: opening hours, notice period, peak time, default quota")
    public ResponseEntity<Created> defineCentre(@Valid @RequestBody CentreRequest body) {
        mayAdminister(body.id());
        commands.sendTo(new DefineCentre(body.id(), body.name(), body.address(), body.managerPartnerId(),
                body.openingHours().stream().map(OpeningHoursRequest::toHours).toList(), body.cancellationNoticeHours(),
                body.peakHours() == null ? List.of() : body.peakHours().stream().map(WindowRequest::toWindow).toList(),
                body.defaultQuota() == null ? null : body.defaultQuota().toQuota()), "centre", body.id());
        return ResponseEntity.created(URI.create("/api/centres/" + body.id())).body(new Created(body.id()));
    }

    @PutMapping("/api/centres/{centreId}/quotas/{partnerId}")
    @Operation(summary = "Set a partner's own quota in a centre (hours per week, and in peak time)")
    public ResponseEntity<Void> setQuota(@PathVariable String centreId, @PathVariable String partnerId,
                                         @Valid @RequestBody QuotaRequest body) {
        mayAdminister(centreId);
        commands.sendTo(new SetPartnerQuota(centreId, partnerId, body.toQuota()), "centre", centreId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/centres/{centreId}/resources")
    @Operation(summary = "Add a bookable room, facility or piece of equipment to a centre")
    public ResponseEntity<Created> defineResource(@PathVariable String centreId, @Valid @RequestBody ResourceRequest body) {
        mayAdminister(centreId);
        String id = body.id() != null ? body.id() : UUID.randomUUID().toString();
        commands.sendTo(new DefineResource(id, centreId, body.name(), body.kind(), body.capacity(), body.features(),
                body.cleaningBufferMinutes() == null ? 0 : body.cleaningBufferMinutes(), body.rules().toRules()), "resource", id);
        return ResponseEntity.created(URI.create("/api/resources/" + id)).body(new Created(id));
    }

    @PutMapping("/api/resources/{resourceId}/rules")
    @Operation(summary = "Change who may book a resource and how")
    public ResponseEntity<Void> changeRules(@PathVariable String resourceId, @Valid @RequestBody RulesRequest body) {
        mayAdminister(access.centreOf(resourceId).orElseThrow(() -> new NotFoundException("No resource " + resourceId)));
        commands.sendTo(new ChangeResourceRules(resourceId, body.toRules()), "resource", resourceId);
        return ResponseEntity.noContent().build();
    }
}
