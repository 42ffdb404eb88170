package dk.bindeled.partner.api;

import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.Sector;

/** What a partner says about itself in the directory. */
public record PartnerProfile(String name, Sector sector, PartnerKind kind, String cvr, String description,
                             String website, String email, String phone) {
}
