package dk.bindeled.partner.web;

import dk.bindeled.partner.domain.NotFoundException;
import dk.bindeled.partner.query.hsds.HsdsExport;
import dk.bindeled.partner.query.hsds.HsdsModel.ApiRoot;
import dk.bindeled.partner.query.hsds.HsdsModel.Organization;
import dk.bindeled.partner.query.hsds.HsdsModel.Page;
import dk.bindeled.partner.query.hsds.HsdsModel.Service;
import dk.bindeled.partner.query.hsds.HsdsModel.ServiceAtLocation;
import dk.bindeled.partner.query.hsds.HsdsModel.Taxonomy;
import dk.bindeled.partner.query.hsds.HsdsModel.TaxonomyTerm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory as Open Referral HSDS 3.0 open data, so municipal and national service catalogues can read it.
 * Pages count from 1, as HSDS does. Lists hold active partners and their offers that are not withdrawn; a single
 * item they hide answers 404 unless {@code include_inactive=true}. No contact people.
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "HSDS export", description = "Open Referral Human Services Data Specification 3.0")
public class HsdsController {

    private static final String INCLUDE_INACTIVE = "Also find an inactive partner or a withdrawn offer (status defunct)";

    private final HsdsExport export;

    public HsdsController(HsdsExport export) {
        this.export = export;
    }

    @GetMapping({"", "/"})
    @Operation(summary = "HSDS version and profile of this API")
    public ApiRoot root() {
        return export.root();
    }

    @GetMapping("/organizations")
    @Operation(summary = "Active partners as HSDS organizations")
    public Page<Organization> organizations(@RequestParam(defaultValue = "1") @Min(1) int page,
                                            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(500) int perPage) {
        return export.organizations(page, perPage);
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "One partner as an HSDS organization, with its services")
    public Organization organization(@PathVariable String id,
                                     @RequestParam(name = "include_inactive", defaultValue = "false")
                                     @Parameter(description = INCLUDE_INACTIVE) boolean includeInactive) {
        return export.organization(id, includeInactive).orElseThrow(() -> new NotFoundException("No organization " + id));
    }

    @GetMapping("/services")
    @Operation(summary = "Open offers of active partners as HSDS services")
    public Page<Service> services(@RequestParam(defaultValue = "1") @Min(1) int page,
                                  @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(500) int perPage) {
        return export.services(page, perPage);
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "One offer as an HSDS service")
    public Service service(@PathVariable String id,
                           @RequestParam(name = "include_inactive", defaultValue = "false")
                           @Parameter(description = INCLUDE_INACTIVE) boolean includeInactive) {
        return export.service(id, includeInactive).orElseThrow(() -> new NotFoundException("No service " + id));
    }

    @GetMapping("/service_at_locations")
    @Operation(summary = "Open offers that say where they take place, as HSDS services at locations")
    public Page<ServiceAtLocation> serviceAtLocations(@RequestParam(defaultValue = "1") @Min(1) int page,
                                                      @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(500) int perPage) {
        return export.serviceAtLocations(page, perPage);
    }

    @GetMapping("/service_at_locations/{id}")
    @Operation(summary = "One offer at its place as an HSDS service at location")
    public ServiceAtLocation serviceAtLocation(@PathVariable String id,
                                               @RequestParam(name = "include_inactive", defaultValue = "false")
                                               @Parameter(description = INCLUDE_INACTIVE)
                                               boolean includeInactive) {
        return export.serviceAtLocation(id, includeInactive).orElseThrow(() -> new NotFoundException("No service at location " + id));
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "The taxonomies organizations and services are classified by: sector and target group")
    public Page<Taxonomy> taxonomies(@RequestParam(defaultValue = "1") @Min(1) int page,
                                     @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(500) int perPage) {
        return export.taxonomies(page, perPage);
    }

    @GetMapping("/taxonomies/{id}")
    @Operation(summary = "One taxonomy")
    public Taxonomy taxonomy(@PathVariable String id) {
        return export.taxonomy(id).orElseThrow(() -> new NotFoundException("No taxonomy " + id));
    }

    @GetMapping("/taxonomy_terms")
    @Operation(summary = "Terms of the taxonomies (all are top-level)")
    public Page<TaxonomyTerm> taxonomyTerms(@RequestParam(defaultValue = "1") @Min(1) int page,
                                            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(500) int perPage,
                                            @RequestParam(name = "taxonomy_id", required = false) @Size(max = 64) String taxonomyId,
                                            @RequestParam(name = "parent_id", required = false) @Size(max = 64) String parentId,
                                            @RequestParam(name = "top_only", defaultValue = "false") boolean topOnly) {
        // Every term is top-level, so top_only changes nothing; it is accepted because HSDS defines it.
        return export.taxonomyTerms(page, perPage, taxonomyId, parentId);
    }

    @GetMapping("/taxonomy_terms/{id}")
    @Operation(summary = "One taxonomy term")
    public TaxonomyTerm taxonomyTerm(@PathVariable String id) {
        return export.taxonomyTerm(id).orElseThrow(() -> new NotFoundException("No taxonomy term " + id));
    }
}
