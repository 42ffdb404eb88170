package dk.bindeled.referrals.web;

import dk.bindeled.referrals.api.Commands.ForgetResident;
import dk.bindeled.referrals.api.Commands.RegisterResident;
import dk.bindeled.referrals.domain.InvalidInputException;
import dk.bindeled.referrals.domain.NotFoundException;
import dk.bindeled.referrals.domain.PersonalDataSeal;
import dk.bindeled.referrals.query.ReferralQueries;
import dk.bindeled.referrals.query.Views.ResidentExport;
import dk.bindeled.referrals.web.Requests.Created;
import dk.bindeled.referrals.web.Requests.ForgetRequest;
import dk.bindeled.referrals.web.Requests.ResidentRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Residents under a pseudonymous id: registered by an organisation (its data controller), exported and forgotten per controller. */
@RestController
@Tag(name = "Residents", description = "The minimum a referral needs of a resident, sealed per data controller; export and erasure")
public class ResidentController {

    private final CommandSender commands;
    private final PersonalDataSeal seal;
    private final ReferralQueries queries;

    public ResidentController(CommandSender commands, PersonalDataSeal seal, ReferralQueries queries) {
        this.commands = commands;
        this.seal = seal;
        this.queries = queries;
    }

    @PostMapping("/api/residents")
    @Operation(summary = "Register a resident; the caller's organisation is its data controller. 201 with the pseudonymous id")
    public ResponseEntity<Created> register(@Valid @RequestBody ResidentRequest body) {
        String controller = Organisation.required();
        String residentId = UUID.randomUUID().toString();
        commands.send(new RegisterResident(residentId, controller, seal.seal(residentId, controller, body.toData())), "resident");
        return ResponseEntity.created(URI.create("/api/residents/" + residentId)).body(new Created(residentId));
    }

    @GetMapping("/api/residents/{residentId}/export")
    @Operation(summary = "GDPR art. 15: what the caller's organisation holds of the resident, its referrals and who read the data")
    public ResidentExport export(@PathVariable String residentId) {
        Organisation.required();
        return queries.export(Organisation.reader(), residentId);
    }

    @GetMapping(value = "/api/residents/{residentId}/export.pdf", produces = "application/pdf")
    @Operation(summary = "The same export as a readable PDF, in Danish")
    public ResponseEntity<byte[]> exportPdf(@PathVariable String residentId) {
        Organisation.required();
        byte[] pdf = dk.bindeled.referrals.query.ExportPdf.render(queries.export(Organisation.reader(), residentId));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"borger-" + residentId + ".pdf\"").body(pdf);
    }

    @PostMapping("/api/residents/{residentId}/forget")
    @Operation(summary = "Forget the resident for the caller's organisation (its key is deleted), or refuse with the legal basis for keeping the record")
    public ResponseEntity<Void> forget(@PathVariable String residentId, @Valid @RequestBody ForgetRequest body) {
        String controller = Organisation.required();
        if (!queries.holdsResident(residentId, controller) && !seal.holds(residentId, controller)) {
            throw new NotFoundException("No resident " + residentId);
        }
        boolean refused = body.decision() == ForgetRequest.Decision.REFUSE;
        if (refused && (body.legalBasis() == null || body.legalBasis().isBlank())) {
            throw new InvalidInputException("legalBasis", "is required to refuse erasure");
        }
        commands.send(new ForgetResident(residentId, controller, refused, body.legalBasis()), "resident " + residentId);
        return ResponseEntity.noContent().build();
    }
}
