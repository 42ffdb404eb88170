package dk.bindeled.booking.api;

import java.util.List;

/**
 * Who may book a resource and how. {@code listedPartners} is used when access is {@link Access#LISTED_PARTNERS}.
 * {@code maxLengthMinutes} and {@code maxDaysAhead} are limits per booking (null: none).
 */
public record BookingRules(Access access, List<String> listedPartners, boolean approvalRequired,
                           Integer maxLengthMinutes, Integer maxDaysAhead) {

    public enum Access {
        /** Every active partner that is a member of the resource's centre. */
        ALL_CENTRE_PARTNERS,
        /** Only the listed partners (they must be active). */
        LISTED_PARTNERS
    }

    public BookingRules {
        listedPartners = listedPartners == null ? List.of() : List.copyOf(listedPartners);
    }
}
