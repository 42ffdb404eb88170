package dk.bindeled.partner.web;

import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import dk.bindeled.partner.domain.NotFoundException;
import dk.bindeled.partner.query.PartnerDirectory;
import dk.bindeled.partner.query.Views.ContactView;
import dk.bindeled.partner.query.Views.OfferView;
import dk.bindeled.partner.query.Views.PartnerView;
import dk.bindeled.partner.web.HsdsModel.Address;
import dk.bindeled.partner.web.HsdsModel.Attribute;
import dk.bindeled.partner.web.HsdsModel.Contact;
import dk.bindeled.partner.web.HsdsModel.Language;
import dk.bindeled.partner.web.HsdsModel.Location;
import dk.bindeled.partner.web.HsdsModel.Organization;
import dk.bindeled.partner.web.HsdsModel.OrganizationIdentifier;
import dk.bindeled.partner.web.HsdsModel.Phone;
import dk.bindeled.partner.web.HsdsModel.Schedule;
import dk.bindeled.partner.web.HsdsModel.Service;
import dk.bindeled.partner.web.HsdsModel.ServiceAtLocation;
import dk.bindeled.partner.web.HsdsModel.ServiceCapacity;
import dk.bindeled.partner.web.HsdsModel.TaxonomyTerm;
import dk.bindeled.partner.web.HsdsModel.Unit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory as Open Referral HSDS 3.x, so municipal and national service catalogues can read
 * it. Pages count from 1 here, as HSDS does. Sector and target groups go out as taxonomy attributes.
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "HSDS export", description = "Open Referral Human Services Data Specification 3.x")
public class HsdsController {

    static final String SECTOR_TAXONOMY = "https://bindeled.dk/taxonomies/sector";
    static final String TARGET_GROUP_TAXONOMY = "https://bindeled.dk/taxonomies/target-group";
    private static final java.util.regex.Pattern POSTAL_CITY = java.util.regex.Pattern.compile("^(.*?),?\\s*(\\d{4})\\s+(.+)$");

    private final PartnerDirectory directory;

    public HsdsController(PartnerDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/organizations")
    @Operation(summary = "Active partners as HSDS organizations")
    public HsdsModel.Page<Organization> organizations(@RequestParam(defaultValue = "1") @Min(1) int page,
                                                      @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(500) int perPage) {
        return page(directory.activePartners(page - 1, perPage), HsdsController::organization);
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "One partner as an HSDS organization")
    public Organization organization(@PathVariable String id) {
        return directory.find(id).map(HsdsController::organization).orElseThrow(() -> new NotFoundException("No organization " + id));
    }

    @GetMapping("/services")
    @Operation(summary = "Open offers as HSDS services")
    public HsdsModel.Page<Service> services(@RequestParam(defaultValue = "1") @Min(1) int page,
                                            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(500) int perPage) {
        return page(directory.openOffers(page - 1, perPage), this::service);
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "One offer as an HSDS service")
    public Service service(@PathVariable String id) {
        return directory.offer(id).map(this::service).orElseThrow(() -> new NotFoundException("No service " + id));
    }

    private static <T, R> HsdsModel.Page<R> page(dk.bindeled.partner.query.Views.Page<T> page, java.util.function.Function<T, R> map) {
        int number = page.page() + 1;
        int totalPages = page.totalPages();
        return new HsdsModel.Page<>(page.totalItems(), totalPages, number, page.size(), number == 1,
                number >= totalPages, page.items().isEmpty(), page.items().stream().map(map).toList());
    }

    static Organization organization(PartnerView p) {
        List<OrganizationIdentifier> identifiers = p.cvr() == null ? List.of()
                : List.of(new OrganizationIdentifier(p.id() + "-cvr", p.id(), "DK-CVR", "CVR", p.cvr()));
        List<Phone> phones = p.phone() == null ? List.of() : List.of(new Phone(p.id() + "-phone", p.phone()));
        Attribute sector = new Attribute(p.id() + "-sector", p.id(), "organization", "organization", p.sector().name(),
                new TaxonomyTerm("sector-" + p.sector().name().toLowerCase(Locale.ROOT), p.sector().name(), sectorName(p.sector()), SECTOR_TAXONOMY));
        return new Organization(p.id(), p.name(), p.description(), p.email(), p.website(), identifiers, phones,
                p.contacts().stream().map(HsdsController::contact).toList(), List.of(sector));
    }

    private Service service(OfferView o) {
        List<Contact> contacts = directory.contacts(o.partnerId()).stream().map(HsdsController::contact).toList();
        List<Schedule> schedules = new java.util.ArrayList<>();
        for (int i = 0; i < o.schedules().size(); i++) {
            schedules.add(schedule(o.id() + "-schedule-" + i, o.id(), o.schedules().get(i)));
        }
        List<ServiceCapacity> capacities = o.capacity() == null ? List.of()
                : List.of(new ServiceCapacity(o.id() + "-capacity", o.id(), new Unit("places", "pladser"),
                        o.capacity().available(), o.capacity().maximum(), o.updatedAt().toString()));
        List<ServiceAtLocation> locations = o.location() == null ? List.of() : List.of(location(o));
        return new Service(o.id(), o.partnerId(), o.title(), o.description(), status(o), o.cost(), eligibility(o),
                o.minimumAge(), o.maximumAge(),
                o.languages().stream().map(code -> new Language(o.id() + "-lang-" + code, o.id(), code)).toList(),
                schedules, capacities, locations, contacts,
                o.targetGroups().stream().map(group -> targetGroup(o.id(), group)).toList());
    }

    private static Schedule schedule(String id, String serviceId, WeeklySchedule s) {
        String byDay = s.byDay().stream().map(HsdsController::rfc5545Day).collect(Collectors.joining(","));
        return new Schedule(id, serviceId, "WEEKLY", byDay, s.opensAt().toString(), s.closesAt().toString(),
                s.validFrom() == null ? null : s.validFrom().toString(), s.validTo() == null ? null : s.validTo().toString(),
                "Europe/Copenhagen");
    }

    private static ServiceAtLocation location(OfferView o) {
        String locationId = o.location().centreId() != null ? o.location().centreId() : o.id() + "-location";
        List<Address> addresses = o.location().address() == null ? List.of() : List.of(address(locationId, o.location().address()));
        Location location = new Location(locationId, "physical",
                o.location().centreName() != null ? o.location().centreName() : o.location().address(), addresses);
        return new ServiceAtLocation(o.id() + "-at-" + locationId, o.id(), locationId, location);
    }

    static Address address(String locationId, String address) {
        Matcher m = POSTAL_CITY.matcher(address.trim());
        if (m.matches()) {
            return new Address(locationId + "-address", locationId, m.group(1).trim(), m.group(3).trim(), m.group(2), "DK", "physical");
        }
        return new Address(locationId + "-address", locationId, address.trim(), null, null, "DK", "physical");
    }

    private static Contact contact(ContactView c) {
        return new Contact(c.id(), c.name(), c.role(), c.workEmail(),
                c.workPhone() == null ? List.of() : List.of(new Phone(c.id() + "-phone", c.workPhone())));
    }

    private static Attribute targetGroup(String serviceId, TargetGroup group) {
        return new Attribute(serviceId + "-" + group.name().toLowerCase(Locale.ROOT), serviceId, "service", "service", group.name(),
                new TaxonomyTerm("target-group-" + group.name().toLowerCase(Locale.ROOT), group.name(),
                        group.name().toLowerCase(Locale.ROOT).replace('_', ' '), TARGET_GROUP_TAXONOMY));
    }

    private static String status(OfferView o) {
        if (o.withdrawn()) {
            return "defunct";
        }
        return o.status() == OfferStatus.TEMPORARILY_CLOSED ? "temporarily closed"
                : o.status() == OfferStatus.INACTIVE ? "inactive" : "active";
    }

    private static String eligibility(OfferView o) {
        String groups = o.targetGroups().stream().map(g -> g.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        return groups.isEmpty() ? null : "For: " + groups;
    }

    private static String sectorName(dk.bindeled.events.partner.v1.Sector sector) {
        return switch (sector) {
            case PUBLIC -> "public sector";
            case PRIVATE -> "private sector";
            case THIRD_SECTOR -> "third sector (civil society)";
            case INFORMAL -> "informal";
        };
    }

    private static String rfc5545Day(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}
