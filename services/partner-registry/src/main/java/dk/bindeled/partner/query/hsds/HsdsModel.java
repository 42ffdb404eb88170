package dk.bindeled.partner.query.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Open Referral HSDS 3.0 objects. Component names are the standard's own snake_case field names, so the JSON
 * reads exactly as the specification does. Absent values are left out rather than sent as {@code null}: the
 * schemas type each field as a string, number or array, and {@code null} is none of those.
 */
@SuppressWarnings("checkstyle:RecordComponentName")
public final class HsdsModel {

    private HsdsModel() {
    }

    /** The answer of {@code GET /}: which HSDS this API speaks. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiRoot(String version, String profile, String openapi_url) {
    }

    /** One page of a list; {@code size} is the number of items on this page, as HSDS defines it. */
    public record Page<T>(long total_items, int total_pages, int page_number, int size, boolean first_page,
                          boolean last_page, boolean empty, List<T> contents) {

        /** The page {@code number} (from 1) of {@code perPage} items each, out of {@code totalItems}. */
        public static <T> Page<T> of(List<T> items, int number, int perPage, long totalItems) {
            int totalPages = (int) ((totalItems + perPage - 1) / perPage);
            return new Page<>(totalItems, totalPages, number, items.size(), number == 1, number >= totalPages, items.isEmpty(), items);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(String id, String name, String description, String email, String website,
                               List<OrganizationIdentifier> organization_identifiers, List<Phone> phones,
                               List<Attribute> attributes, List<Service> services) {
    }

    public record OrganizationIdentifier(String id, String organization_id, String identifier_scheme,
                                         String identifier_type, String identifier) {
    }

    public record Phone(String id, String organization_id, String number) {
    }

    /**
     * {@code capacities} is not in HSDS 3.0, which lets objects carry more fields than it names; it has the shape
     * HSDS 3.1 gives it ({@code service_capacity} with a {@code unit}), so readers of either version can use it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(String id, String organization_id, String name, String description, String status,
                          String fees_description, String eligibility_description, Integer minimum_age,
                          Integer maximum_age, String last_modified, List<Language> languages, List<Schedule> schedules,
                          List<ServiceAtLocation> service_at_locations, List<Attribute> attributes,
                          List<ServiceCapacity> capacities, Organization organization) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Language(String id, String service_id, String name, String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(String id, String service_id, String freq, String wkst, String byday, String opens_at,
                           String closes_at, String valid_from, String valid_to, Integer timezone, String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceCapacity(String id, String service_id, Unit unit, Integer available, Integer maximum, String updated) {
    }

    public record Unit(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceAtLocation(String id, String service_id, String location_id, Location location, Service service) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String id, String location_type, String name, String description, List<Address> addresses) {
    }

    public record Address(String id, String location_id, String address_1, String city, String state_province,
                          String postal_code, String country, String address_type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attribute(String id, String link_id, String link_type, String link_entity, String taxonomy_term_id,
                            String value, TaxonomyTerm taxonomy_term) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Taxonomy(String id, String name, String description, String uri, String version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxonomyTerm(String id, String code, String name, String description, String taxonomy, String taxonomy_id,
                               String language) {
    }
}
