package dk.bindeled.booking.domain;

import java.util.Set;

/** What the booking service knows of a partner from the partner registry's events. */
public record PartnerStanding(String partnerId, String name, boolean active, Set<String> centres) {
}
