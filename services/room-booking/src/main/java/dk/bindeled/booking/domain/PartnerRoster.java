package dk.bindeled.booking.domain;

import java.util.Optional;

/** The replica of the partner registry: which partners exist, are active and belong to which centre. */
public interface PartnerRoster {

    Optional<PartnerStanding> find(String partnerId);
}
