package dk.bindeled.partner.web;

import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.partner.domain.NotFoundException;
import dk.bindeled.partner.query.PartnerDirectory;
import dk.bindeled.partner.query.Views.DirectoryFilter;
import dk.bindeled.partner.query.Views.HistoryEntry;
import dk.bindeled.partner.query.Views.OfferView;
import dk.bindeled.partner.query.Views.Page;
import dk.bindeled.partner.query.Views.PartnerSummary;
import dk.bindeled.partner.query.Views.PartnerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partners: directory", description = "Who offers what, for whom, where")
public class PartnerQueryController {

    private final PartnerDirectory directory;

    private final PartnerAccess access;

    public PartnerQueryController(PartnerDirectory directory, PartnerAccess access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/api/partners")
    @Operation(summary = "Search the directory", description = "Free text over names, descriptions and offers; filters combine with AND. Pages count from 0.")
    public Page<PartnerSummary> search(@RequestParam(required = false) @Size(max = 200) String q,
                                       @RequestParam(required = false) Sector sector,
                                       @RequestParam(required = false) PartnerKind kind,
                                       @RequestParam(required = false) TargetGroup targetGroup,
                                       @RequestParam(required = false) @Size(max = 64) String centre,
                                       @RequestParam(defaultValue = "false") boolean freeCapacity,
                                       @RequestParam(defaultValue = "false") boolean includeInactive,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return directory.search(new DirectoryFilter(q, sector, kind, targetGroup, centre, freeCapacity, includeInactive), page, size);
    }

    @GetMapping("/api/partners/{partnerId}")
    @Operation(summary = "A partner with its offers, shared resources and centres; its contacts only for its own members and the admin")
    public PartnerView partner(@PathVariable String partnerId) {
        PartnerView partner = directory.find(partnerId).orElseThrow(() -> new NotFoundException("No partner " + partnerId));
        return access.seesContactsOf(partnerId) ? partner : PartnerAccess.withoutContacts(partner);
    }

    @GetMapping("/api/partners/{partnerId}/history")
    @Operation(summary = "Everything that happened to a partner, in order, with who and when")
    public List<HistoryEntry> history(@PathVariable String partnerId) {
        // Who changed what, contact people included: for the partner's own people and the admin, not open data.
        access.requireMemberOf(partnerId);
        if (!directory.exists(partnerId)) {
            throw new NotFoundException("No partner " + partnerId);
        }
        return directory.history(partnerId);
    }

    @GetMapping("/api/offers/{offerId}")
    @Operation(summary = "One offer")
    public OfferView offer(@PathVariable String offerId) {
        return directory.offer(offerId).orElseThrow(() -> new NotFoundException("No offer " + offerId));
    }
}
