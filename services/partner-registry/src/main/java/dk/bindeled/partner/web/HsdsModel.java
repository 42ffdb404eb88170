package dk.bindeled.partner.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Open Referral HSDS 3.x objects. Component names are the standard's own snake_case field names, so
 * the JSON reads exactly as the specification does.
 */
@SuppressWarnings("checkstyle:RecordComponentName")
public final class HsdsModel {

    private HsdsModel() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page<T>(long total_items, int total_pages, int page_number, int size, boolean first_page,
                          boolean last_page, boolean empty, List<T> contents) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(String id, String name, String description, String email, String website,
                               List<OrganizationIdentifier> organization_identifiers, List<Phone> phones,
                               List<Contact> contacts, List<Attribute> attributes) {
    }

    public record OrganizationIdentifier(String id, String organization_id, String identifier_scheme,
                                         String identifier_type, String identifier) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(String id, String organization_id, String name, String description, String status,
                          String fees_description, String eligibility_description, Integer minimum_age,
                          Integer maximum_age, List<Language> languages, List<Schedule> schedules,
                          List<ServiceCapacity> capacities, List<ServiceAtLocation> service_at_locations,
                          List<Contact> contacts, List<Attribute> attributes) {
    }

    public record Language(String id, String service_id, String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(String id, String service_id, String freq, String byday, String opens_at, String closes_at,
                           String valid_from, String valid_to, String timezone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceCapacity(String id, String service_id, Unit unit, Integer available, Integer maximum, String updated) {
    }

    public record Unit(String id, String name) {
    }

    public record ServiceAtLocation(String id, String service_id, String location_id, Location location) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String id, String location_type, String name, List<Address> addresses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String id, String location_id, String address_1, String city, String postal_code,
                          String country, String address_type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String id, String name, String title, String email, List<Phone> phones) {
    }

    public record Phone(String id, String number) {
    }

    public record Attribute(String id, String link_id, String link_type, String link_entity, String value,
                            TaxonomyTerm taxonomy_term) {
    }

    public record TaxonomyTerm(String id, String code, String name, String taxonomy) {
    }
}
