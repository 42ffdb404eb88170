package dk.bindeled.events;

import dk.bindeled.events.partner.v1.Capacity;
import dk.bindeled.events.partner.v1.ContactPersonAdded;
import dk.bindeled.events.partner.v1.ContactPersonRemoved;
import dk.bindeled.events.partner.v1.MembershipRole;
import dk.bindeled.events.partner.v1.OfferLocation;
import dk.bindeled.events.partner.v1.OfferPublished;
import dk.bindeled.events.partner.v1.OfferStatus;
import dk.bindeled.events.partner.v1.OfferUpdated;
import dk.bindeled.events.partner.v1.OfferWithdrawn;
import dk.bindeled.events.partner.v1.PartnerDeactivated;
import dk.bindeled.events.partner.v1.PartnerEvent;
import dk.bindeled.events.partner.v1.PartnerJoinedCentre;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerLeftCentre;
import dk.bindeled.events.partner.v1.PartnerProfileUpdated;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.ResourceCategory;
import dk.bindeled.events.partner.v1.ResourceShared;
import dk.bindeled.events.partner.v1.ResourceWithdrawn;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.partner.v1.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** One realistic sample of every v1 partner event, taken from the seed reports. */
final class PartnerEventSamples {

    static final String PARTNER = "7b0c4a52-4a57-4e40-9d0e-3f1c0b8a1e01";

    private PartnerEventSamples() {
    }

    static List<PartnerEvent> all() {
        WeeklySchedule tuesdays = new WeeklySchedule(List.of(DayOfWeek.TUESDAY), LocalTime.of(9, 30), LocalTime.of(11, 30),
                LocalDate.of(2026, 1, 6), LocalDate.of(2026, 12, 15));
        OfferLocation library = new OfferLocation("morsoe-bibliotek", "Morsø Bibliotek", "Havnegade 14, 7900 Nykøbing Mors");
        return List.of(
                new PartnerRegistered(PARTNER, "Sundhedsplejen Morsø", Sector.PUBLIC, PartnerKind.MUNICIPAL_DEPARTMENT, "29189129",
                        "Sundhedsplejersker for småbørnsfamilier", "https://www.morsoe.dk", "sundhedspleje@morsoe.dk", "+45 99 70 70 00"),
                new PartnerProfileUpdated(PARTNER, "Sundhedsplejen, Morsø Kommune", Sector.PUBLIC, PartnerKind.MUNICIPAL_DEPARTMENT,
                        "29189129", "Sundhedsplejersker", null, "sundhedspleje@morsoe.dk", null),
                new PartnerDeactivated(PARTNER, "Flyttet til sundhedshuset"),
                new ContactPersonAdded(PARTNER, "c1", "Mette Sundhedsplejerske", "Sundhedsplejerske", "mette@morsoe.dk", "+45 99 70 71 00"),
                new ContactPersonRemoved(PARTNER, "c1"),
                new OfferPublished(PARTNER, "o1", "Babycafé for unge mødre", "Uformel café med sundhedsplejersken",
                        List.of(TargetGroup.YOUNG_MOTHERS, TargetGroup.VULNERABLE_FAMILIES_WITH_CHILDREN), 16, 30,
                        List.of("da"), "Gratis", List.of(tuesdays), library, new Capacity(12, 5), OfferStatus.ACTIVE,
                        new dk.bindeled.events.partner.v1.ReferralTerms(3, 7)),
                new OfferUpdated(PARTNER, "o1", "Babycafé", null, List.of(TargetGroup.YOUNG_MOTHERS), null, null,
                        List.of(), null, List.of(), null, null, OfferStatus.TEMPORARILY_CLOSED),
                new OfferWithdrawn(PARTNER, "o1", "Sommerpause"),
                new ResourceShared(PARTNER, "r1", "Projektor", ResourceCategory.PROJECTOR, "Epson, med HDMI", "Lånes mod aftale"),
                new ResourceWithdrawn(PARTNER, "r1"),
                new PartnerJoinedCentre(PARTNER, "motalavej", "Kvarterhuset på Motalavej", MembershipRole.RESIDENT_ACTOR),
                new PartnerLeftCentre(PARTNER, "motalavej"));
    }
}
