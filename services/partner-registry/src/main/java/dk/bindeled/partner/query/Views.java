package dk.bindeled.partner.query;

import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferLocation;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import java.time.OffsetDateTime;
import java.util.List;

/** Read models returned by the directory queries. */
public final class Views {

    private Views() {
    }

    public record PartnerSummary(String id, String name, Sector sector, PartnerKind kind, boolean active,
                                 List<String> centres, int openOffers) {
    }

    public record PartnerView(String id, String name, Sector sector, PartnerKind kind, String cvr, String description,
                              String website, String email, String phone, boolean active, String deactivationReason,
                              OffsetDateTime registeredAt, OffsetDateTime updatedAt, List<ContactView> contacts,
                              List<OfferView> offers, List<ResourceView> sharedResources, List<MembershipView> centres) {
    }

    /** A partner's own fields, without its contacts, offers, resources or centres. */
    public record PartnerProfileView(String id, String name, Sector sector, PartnerKind kind, String cvr, String description,
                                     String website, String email, String phone, boolean active, OffsetDateTime updatedAt) {
    }

    public record OfferView(String id, String partnerId, String title, String description, List<TargetGroup> targetGroups,
                            Integer minimumAge, Integer maximumAge, List<String> languages, String cost,
                            List<WeeklySchedule> schedules, OfferLocation location, Capacity capacity, OfferStatus status,
                            boolean withdrawn, String withdrawalReason, OffsetDateTime updatedAt,
                            dk.bindeled.events.partner.v1.ReferralTerms referralTerms) {
    }

    public record ContactView(String id, String name, String role, String workEmail, String workPhone) {
    }

    public record ResourceView(String id, String name, ResourceCategory category, String description, String terms,
                               OffsetDateTime sharedAt) {
    }

    public record MembershipView(String centreId, String centreName, MembershipRole role, OffsetDateTime joinedAt) {
    }

    public record HistoryEntry(long sequence, String type, OffsetDateTime occurredAt, String actor, String summary) {
    }

    /** Directory search criteria; every criterion is optional. */
    public record DirectoryFilter(String text, Sector sector, PartnerKind kind, TargetGroup targetGroup, String centreId,
                                  boolean withFreeCapacity, boolean includeInactive) {
    }

    /** One page of a result; {@code page} counts from 0. */
    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

        public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
            return new Page<>(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
        }
    }
}
