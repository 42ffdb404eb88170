package dk.bindeled.partner.query.hsds;

import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import dk.bindeled.partner.query.PartnerDirectory;
import dk.bindeled.partner.query.Views.OfferView;
import dk.bindeled.partner.query.Views.PartnerProfileView;
import dk.bindeled.partner.query.hsds.HsdsModel.Address;
import dk.bindeled.partner.query.hsds.HsdsModel.ApiRoot;
import dk.bindeled.partner.query.hsds.HsdsModel.Language;
import dk.bindeled.partner.query.hsds.HsdsModel.Location;
import dk.bindeled.partner.query.hsds.HsdsModel.Organization;
import dk.bindeled.partner.query.hsds.HsdsModel.OrganizationIdentifier;
import dk.bindeled.partner.query.hsds.HsdsModel.Page;
import dk.bindeled.partner.query.hsds.HsdsModel.Phone;
import dk.bindeled.partner.query.hsds.HsdsModel.Schedule;
import dk.bindeled.partner.query.hsds.HsdsModel.Service;
import dk.bindeled.partner.query.hsds.HsdsModel.ServiceAtLocation;
import dk.bindeled.partner.query.hsds.HsdsModel.ServiceCapacity;
import dk.bindeled.partner.query.hsds.HsdsModel.Taxonomy;
import dk.bindeled.partner.query.hsds.HsdsModel.TaxonomyTerm;
import dk.bindeled.partner.query.hsds.HsdsModel.Unit;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as Open Referral HSDS 3.0 open data. Lists hold what is public now: active partners, and the
 * offers of active partners that are not withdrawn. A single item hidden from the lists is found only when the
 * caller asks for it ({@code includeInactive}). Contact people are never part of it. Every method sends a fixed
 * number of statements, whatever the page size: a page of rows, then what they need with one IN query each.
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class HsdsExport {

    static final String VERSION = "3.0";
    /** No HSDS profile is used, so the profile is the canonical HSDS 3.0 schema itself. */
    static final String PROFILE = "https://github.com/openreferral/specification/tree/3.0/schema";
    static final String OPENAPI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final Unit PLACES = new Unit(HsdsIds.of("unit", "places"), "places");

    private final PartnerDirectory directory;
    private final Clock clock = Clock.systemUTC();

    public HsdsExport(PartnerDirectory directory) {
        this.directory = directory;
    }

    public ApiRoot root() {
        return new ApiRoot(VERSION, PROFILE, OPENAPI);
    }

    /** Page {@code number} from 1. Two statements. */
    public Page<Organization> organizations(int number, int perPage) {
        var page = directory.activeProfiles(number - 1, perPage);
        return Page.of(page.items().stream().map(p -> organization(p, null)).toList(), number, perPage, page.totalItems());
    }

    /** The organization with its services. Three statements. */
    public Optional<Organization> organization(String id, boolean includeInactive) {
        return directory.profile(id).filter(p -> includeInactive || p.active()).map(p -> {
            List<Service> services = directory.offersOf(p.id(), includeInactive).stream().map(o -> service(o, p, false)).toList();
            return organization(p, services);
        });
    }

    /** Four statements: the count, the offers, their target groups, their partners. */
    public Page<Service> services(int number, int perPage) {
        var page = directory.openOffers(number - 1, perPage, false);
        Map<String, PartnerProfileView> partners = directory.profiles(partnerIds(page.items()));
        return Page.of(page.items().stream().map(o -> service(o, partners.get(o.partnerId()), true)).toList(),
                number, perPage, page.totalItems());
    }

    /** Three statements. */
    public Optional<Service> service(String id, boolean includeInactive) {
        return visibleOffer(id, includeInactive).map(found -> service(found.offer(), found.partner(), true));
    }

    /** Three statements: the count, the offers that say where, their target groups. */
    public Page<ServiceAtLocation> serviceAtLocations(int number, int perPage) {
        var page = directory.openOffers(number - 1, perPage, true);
        return Page.of(page.items().stream().map(o -> serviceAtLocation(o, true).orElseThrow()).toList(),
                number, perPage, page.totalItems());
    }

    /** Three statements. */
    public Optional<ServiceAtLocation> serviceAtLocation(String id, boolean includeInactive) {
        return visibleOffer(id, includeInactive).flatMap(found -> serviceAtLocation(found.offer(), true));
    }

    public Page<Taxonomy> taxonomies(int number, int perPage) {
        return slice(HsdsTaxonomies.TAXONOMIES, number, perPage);
    }

    public Optional<Taxonomy> taxonomy(String id) {
        return HsdsTaxonomies.taxonomy(id);
    }

    /** Terms of one taxonomy, or of all; every term is top-level, so asking for children of a parent finds none. */
    public Page<TaxonomyTerm> taxonomyTerms(int number, int perPage, String taxonomyId, String parentId) {
        List<TaxonomyTerm> terms = parentId != null ? List.of() : HsdsTaxonomies.TERMS.stream()
                .filter(t -> taxonomyId == null || t.taxonomy_id().equals(taxonomyId)).toList();
        return slice(terms, number, perPage);
    }

    public Optional<TaxonomyTerm> taxonomyTerm(String id) {
        return HsdsTaxonomies.taxonomyTerm(id);
    }

    private record Found(OfferView offer, PartnerProfileView partner) {
    }

    private Optional<Found> visibleOffer(String id, boolean includeInactive) {
        return directory.offer(id).flatMap(o -> directory.profile(o.partnerId()).map(p -> new Found(o, p)))
                .filter(f -> includeInactive || !f.offer().withdrawn() && f.partner().active());
    }

    private static Organization organization(PartnerProfileView p, List<Service> services) {
        List<OrganizationIdentifier> identifiers = p.cvr() == null ? List.of()
                : List.of(new OrganizationIdentifier(HsdsIds.of("organization_identifier", p.id(), "DK-CVR"), p.id(), "DK-CVR",
                        "CVR number (Danish Central Business Register)", p.cvr()));
        List<Phone> phones = p.phone() == null ? List.of() : List.of(new Phone(HsdsIds.of("phone", "organization", p.id()), p.id(), p.phone()));
        return new Organization(p.id(), p.name(), p.description() != null ? p.description() : describe(p.kind(), p.sector()),
                p.email(), uri(p.website()), identifiers, phones,
                List.of(HsdsTaxonomies.attribute("organization", "sector", p.id(), HsdsTaxonomies.term(p.sector()))), services);
    }

    /** A service, with its partner nested as its organization unless the service is itself nested in that organization. */
    private Service service(OfferView o, PartnerProfileView partner, boolean withOrganization) {
        List<Schedule> schedules = new ArrayList<>();
        for (int i = 0; i < o.schedules().size(); i++) {
            schedules.add(schedule(o, i));
        }
        List<ServiceCapacity> capacities = o.capacity() == null || o.capacity().available() == null ? List.of()
                : List.of(new ServiceCapacity(HsdsIds.of("service_capacity", o.id(), "places"), o.id(), PLACES,
                        o.capacity().available(), o.capacity().maximum(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.updatedAt())));
        return new Service(o.id(), o.partnerId(), o.title(), o.description(), status(o, partner), o.cost(), eligibility(o),
                o.minimumAge(), o.maximumAge(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.updatedAt()),
                o.languages().stream().map(code -> language(o.id(), code)).toList(), schedules,
                serviceAtLocation(o, false).stream().toList(),
                o.targetGroups().stream().map(g -> HsdsTaxonomies.attribute("service", "target_group", o.id(), HsdsTaxonomies.term(g))).toList(),
                capacities, withOrganization && partner != null ? organization(partner, null) : null);
    }

    /**
     * An offer takes place in at most one place, so the offer identifies its service-at-location: the id is the
     * offer's own (ids are unique per HSDS table), which lets {@code /service_at_locations/{id}} find it directly.
     * The location is the centre when there is one, else the address, so offers in one house share one location id.
     */
    private static Optional<ServiceAtLocation> serviceAtLocation(OfferView o, boolean withService) {
        if (o.location() == null || o.location().centreId() == null && o.location().address() == null) {
            return Optional.empty();
        }
        String centre = o.location().centreId();
        String text = o.location().address();
        String locationId = centre != null ? HsdsIds.of("location", "centre", centre)
                : HsdsIds.of("location", "address", text.trim().toLowerCase(Locale.ROOT));
        String name = o.location().centreName() != null ? o.location().centreName() : text != null ? text : centre;
        Optional<Address> address = DanishAddresses.parse(text, o.location().centreName()).map(a -> new Address(
                HsdsIds.of("address", locationId), locationId, a.street(), a.city(), a.region(), a.postalCode(), "DK", "physical"));
        // What could not be read into an address ("Aarhus") is still worth showing.
        String description = address.isEmpty() && text != null && !text.equals(name) ? text : null;
        Location location = new Location(locationId, "physical", name, description, address.stream().toList());
        Service service = withService ? new Service(o.id(), o.partnerId(), o.title(), o.description(), status(o, null), null, null,
                null, null, null, null, null, null, null, null, null) : null;
        return Optional.of(new ServiceAtLocation(o.id(), o.id(), locationId, location, service));
    }

    /**
     * HSDS 3.0 gives a schedule's time zone as a UTC offset in hours, not as a zone: the offer's times are local
     * time in Denmark, so this is Denmark's offset now, and the notes say that it changes with summer time.
     */
    private Schedule schedule(OfferView o, int index) {
        WeeklySchedule s = o.schedules().get(index);
        int offset = DENMARK.getRules().getOffset(clock.instant()).getTotalSeconds() / 3600;
        return new Schedule(HsdsIds.of("schedule", o.id(), String.valueOf(index)), o.id(), "WEEKLY", "MO",
                s.byDay().stream().map(HsdsExport::rfc5545Day).collect(Collectors.joining(",")),
                s.opensAt().toString(), s.closesAt().toString(),
                s.validFrom() == null ? null : s.validFrom().toString(), s.validTo() == null ? null : s.validTo().toString(), offset,
                "Times are local time in Denmark (Europe/Copenhagen): UTC+1, and UTC+2 in summer.");
    }

    private static Language language(String serviceId, String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return new Language(HsdsIds.of("language", serviceId, code), serviceId, name.isEmpty() || name.equals(code) ? null : name, code);
    }

    private static String status(OfferView o, PartnerProfileView partner) {
        if (o.withdrawn() || partner != null && !partner.active()) {
            return "defunct";
        }
        return o.status() == OfferStatus.TEMPORARILY_CLOSED ? "temporarily closed"
                : o.status() == OfferStatus.INACTIVE ? "inactive" : "active";
    }

    private static String eligibility(OfferView o) {
        String groups = o.targetGroups().stream().map(HsdsTaxonomies::term).map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return groups.isEmpty() ? null : "For: " + groups;
    }

    /** HSDS requires a description; a partner that gave none is described by what it is. */
    private static String describe(PartnerKind kind, Sector sector) {
        String what = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        return what + " in the " + HsdsTaxonomies.term(sector).name().toLowerCase(Locale.ROOT) + ".";
    }

    /**
     * The website as an RFC 3986 URI, as HSDS's {@code format: uri} requires: Danish domain names and paths
     * ("bydelsmødre.dk") are allowed when a partner registers, so the host goes out in its IDNA form and the rest
     * percent-encoded. Left out when it cannot be read as a URI at all.
     */
    static String uri(String website) {
        if (website == null) {
            return null;
        }
        try {
            URI uri = new URI(website);
            String authority = uri.getAuthority();
            if (authority != null && !authority.chars().allMatch(c -> c < 128)) {
                int colon = authority.lastIndexOf(':');
                String host = colon > 0 && authority.substring(colon + 1).chars().allMatch(Character::isDigit)
                        ? authority.substring(0, colon) : authority;
                uri = new URI(uri.getScheme(), IDN.toASCII(host) + authority.substring(host.length()), uri.getPath(), uri.getQuery(),
                        uri.getFragment());
            }
            return uri.toASCIIString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> partnerIds(List<OfferView> offers) {
        Set<String> ids = new HashSet<>();
        offers.forEach(o -> ids.add(o.partnerId()));
        return ids;
    }

    private static <T> Page<T> slice(List<T> all, int number, int perPage) {
        long from = (long) (number - 1) * perPage;
        List<T> items = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + perPage));
        return Page.of(items, number, perPage, all.size());
    }

    private static String rfc5545Day(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}
