package dk.bindeled.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dk.bindeled.events.IsoWeek;
import dk.bindeled.events.cloudevents.ReceivedEvent;
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
import dk.bindeled.events.partner.v1.PartnerEventsV1;
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
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What each partner event does to the read model, and the inbox guarantees. Runs against PostgreSQL
 * (the production database) and H2 in PostgreSQL mode (the local default), so the SQL is proven on both.
 */
abstract class PartnerProjectionContract {

    static final String TOPIC = "bindeled.partner.v1";
    static final String MORSOE = "sundhedsplejen-morsoe";
    static final String SUMAK = "cafe-sumak";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    private final List<Object> published = new ArrayList<>();
    private ApplicationEventPublisher publisher = published::add;
    private OffsetDateTime nextTime = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");

    JdbcClient jdbc;
    PartnerProjection projection;
    DashboardQueries queries;

    private SingleConnectionDataSource dataSource;

    /** A fresh, empty database for each test, on one connection (the projection runs on one consumer thread). */
    abstract SingleConnectionDataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        projection = new PartnerProjection(jdbc, transactions, event -> publisher.publishEvent(event), CLOCK);
        queries = new DashboardQueries(jdbc, transactions);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void registrationAddsAnActivePartnerInItsSector() {
        ProjectionResult result = apply(morsoeRegistered());

        assertThat(result.kind()).isEqualTo(ProjectionResult.Kind.APPLIED);
        assertThat(result.change().summary()).isEqualTo("Ny aktør: Sundhedsplejen Morsø");
        Overview overview = overview();
        assertThat(overview.activePartners()).isEqualTo(1);
        assertThat(sectors(overview)).containsExactly(
                Map.entry("PUBLIC", 1L), Map.entry("PRIVATE", 0L), Map.entry("THIRD_SECTOR", 0L), Map.entry("INFORMAL", 0L));
        assertThat(overview.bySector()).extracting(Overview.SectorCount::label)
                .containsExactly("Offentlig", "Privat", "Civilsamfund (tredje sektor)", "Uformel");
        assertThat(jdbc.sql("SELECT kind FROM partners WHERE partner_id = ?").param(MORSOE).query(String.class).single())
                .isEqualTo("MUNICIPAL_DEPARTMENT");
    }

    @Test
    void profileUpdateRenamesAndMovesSectorButNeverReactivates() {
        apply(morsoeRegistered());
        apply(new PartnerProfileUpdated(MORSOE, "Sundhedsplejen, Morsø Kommune", Sector.THIRD_SECTOR, PartnerKind.ASSOCIATION,
                null, null, null, null, null));

        Overview afterUpdate = overview();
        assertThat(afterUpdate.activePartners()).isEqualTo(1);
        assertThat(sectors(afterUpdate)).containsEntry("PUBLIC", 0L).containsEntry("THIRD_SECTOR", 1L);
        assertThat(afterUpdate.latestChanges().get(0).summary()).isEqualTo("Profil opdateret: Sundhedsplejen, Morsø Kommune");

        apply(new PartnerDeactivated(MORSOE, "Lukket"));
        apply(new PartnerProfileUpdated(MORSOE, "Sundhedsplejen", Sector.PUBLIC, PartnerKind.MUNICIPAL_DEPARTMENT,
                null, null, null, null, null));
        assertThat(overview().activePartners()).isZero();
    }

    @Test
    void deactivationRemovesThePartnerAndEverythingItOffersFromTheCounts() {
        apply(morsoeRegistered());
        apply(sumakRegistered());
        apply(babyCafe(OfferStatus.ACTIVE, new Capacity(12, 5)));
        apply(new PartnerJoinedCentre(MORSOE, "morsoe-bibliotek", "Morsø Bibliotek", MembershipRole.RESIDENT_ACTOR));
        apply(new ResourceShared(MORSOE, "r1", "Projektor", ResourceCategory.PROJECTOR, null, null));

        ProjectionResult result = apply(new PartnerDeactivated(MORSOE, "Flyttet til sundhedshuset"));

        assertThat(result.change().summary()).isEqualTo("Aktør deaktiveret: Sundhedsplejen Morsø");
        Overview overview = overview();
        assertThat(overview.activePartners()).isEqualTo(1);
        assertThat(sectors(overview)).containsEntry("PUBLIC", 0L).containsEntry("PRIVATE", 1L);
        assertThat(overview.activeOffers()).isZero();
        assertThat(overview.offersWithFreeCapacity()).isZero();
        assertThat(overview.activeOffersByTargetGroup()).isEmpty();
        assertThat(overview.byCentre()).isEmpty();
        assertThat(overview.sharedResources()).isZero();
    }

    @Test
    void contactPeopleAreAnnouncedWithoutStoringTheirDetails() {
        apply(morsoeRegistered());

        ProjectionResult added = apply(new ContactPersonAdded(MORSOE, "c1", "Mette Hansen", "Sundhedsplejerske",
                "mette@morsoe.dk", "+45 99 70 71 00"));
        ProjectionResult removed = apply(new ContactPersonRemoved(MORSOE, "c1"));

        assertThat(added.change().summary()).isEqualTo("Ny kontaktperson hos Sundhedsplejen Morsø");
        assertThat(removed.change().summary()).isEqualTo("Kontaktperson fjernet hos Sundhedsplejen Morsø");
        assertThat(overview().latestChanges()).extracting(Change::summary).noneMatch(s -> s.contains("Mette"));
        assertThat(overview().activePartners()).isEqualTo(1);
    }

    @Test
    void publishedOfferCountsPerTargetGroupAndByFreeCapacity() {
        apply(morsoeRegistered());

        ProjectionResult result = apply(babyCafe(OfferStatus.ACTIVE, new Capacity(12, 5)));

        assertThat(result.change().summary()).isEqualTo("Nyt tilbud: Babycafé for unge mødre (Sundhedsplejen Morsø)");
        Overview overview = overview();
        assertThat(overview.activeOffers()).isEqualTo(1);
        assertThat(overview.offersWithFreeCapacity()).isEqualTo(1);
        assertThat(overview.activeOffersByTargetGroup())
                .extracting(Overview.TargetGroupCount::targetGroup, Overview.TargetGroupCount::label, Overview.TargetGroupCount::activeOffers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VULNERABLE_FAMILIES_WITH_CHILDREN", "Udsatte børnefamilier", 1L),
                        org.assertj.core.groups.Tuple.tuple("YOUNG_MOTHERS", "Unge mødre", 1L));
        assertThat(jdbc.sql("SELECT centre_name FROM offers WHERE offer_id = 'o1'").query(String.class).single())
                .isEqualTo("Morsø Bibliotek");
    }

    @Test
    void fullOfferOrOfferWithoutCapacityHasNoFreePlaces() {
        apply(morsoeRegistered());
        apply(babyCafe(OfferStatus.ACTIVE, new Capacity(12, 0)));
        apply(new OfferPublished(MORSOE, "o2", "Åben rådgivning", null, List.of(TargetGroup.ALL_RESIDENTS), null, null,
                List.of(), null, List.of(), null, null, OfferStatus.ACTIVE));

        Overview overview = overview();
        assertThat(overview.activeOffers()).isEqualTo(2);
        assertThat(overview.offersWithFreeCapacity()).isZero();
    }

    @Test
    void updatedOfferReplacesItsTargetGroupsAndStopsCountingWhenClosed() {
        apply(morsoeRegistered());
        apply(babyCafe(OfferStatus.ACTIVE, new Capacity(12, 5)));

        apply(new OfferUpdated(MORSOE, "o1", "Babycafé", null, List.of(TargetGroup.YOUNG_MOTHERS, TargetGroup.WOMEN), null, null,
                List.of(), null, List.of(), null, new Capacity(12, 0), OfferStatus.ACTIVE));
        Overview updated = overview();
        assertThat(updated.activeOffers()).isEqualTo(1);
        assertThat(updated.offersWithFreeCapacity()).isZero();
        assertThat(updated.activeOffersByTargetGroup()).extracting(Overview.TargetGroupCount::targetGroup)
                .containsExactlyInAnyOrder("YOUNG_MOTHERS", "WOMEN");
        assertThat(updated.latestChanges().get(0).summary()).isEqualTo("Tilbud opdateret: Babycafé (Sundhedsplejen Morsø)");

        ProjectionResult closed = apply(new OfferUpdated(MORSOE, "o1", "Babycafé", null, List.of(TargetGroup.YOUNG_MOTHERS), null, null,
                List.of(), null, List.of(), null, null, OfferStatus.TEMPORARILY_CLOSED));
        assertThat(closed.change().summary()).isEqualTo("Tilbud opdateret: Babycafé (Sundhedsplejen Morsø) – midlertidigt lukket");
        assertThat(overview().activeOffers()).isZero();
        assertThat(overview().activeOffersByTargetGroup()).isEmpty();
    }

    @Test
    void withdrawnOfferNoLongerCounts() {
        apply(morsoeRegistered());
        apply(babyCafe(OfferStatus.ACTIVE, new Capacity(12, 5)));

        ProjectionResult result = apply(new OfferWithdrawn(MORSOE, "o1", "Sommerpause"));

        assertThat(result.change().summary()).isEqualTo("Tilbud trukket tilbage: Babycafé for unge mødre (Sundhedsplejen Morsø)");
        Overview overview = overview();
        assertThat(overview.activeOffers()).isZero();
        assertThat(overview.offersWithFreeCapacity()).isZero();
        assertThat(overview.activeOffersByTargetGroup()).isEmpty();
    }

    @Test
    void sharedResourcesComeAndGoOnTheSharingBoard() {
        apply(sumakRegistered());

        ProjectionResult shared = apply(new ResourceShared(SUMAK, "kitchen", "Køkkenet", ResourceCategory.KITCHEN,
                "Storkøkken", "Mod rengøring"));
        apply(new ResourceShared(SUMAK, "van", "Varevogn", ResourceCategory.VAN, null, null));
        assertThat(shared.change().summary()).isEqualTo("Deles på delebørsen: Køkkenet (Café Sumak)");
        assertThat(overview().sharedResources()).isEqualTo(2);

        ProjectionResult withdrawn = apply(new ResourceWithdrawn(SUMAK, "kitchen"));
        assertThat(withdrawn.change().summary()).isEqualTo("Fjernet fra delebørsen: Køkkenet (Café Sumak)");
        assertThat(overview().sharedResources()).isEqualTo(1);
    }

    @Test
    void centreMembershipsCountActivePartnersPerCentre() {
        apply(morsoeRegistered());
        apply(sumakRegistered());

        ProjectionResult joined = apply(new PartnerJoinedCentre(SUMAK, "motalavej", "Kvarterhuset på Motalavej", MembershipRole.RESIDENT_ACTOR));
        apply(new PartnerJoinedCentre(MORSOE, "motalavej", null, MembershipRole.AD_HOC_ACTOR));
        apply(new PartnerJoinedCentre(MORSOE, "morsoe-bibliotek", "Morsø Bibliotek", MembershipRole.RESIDENT_ACTOR));

        assertThat(joined.change().summary()).isEqualTo("Café Sumak er nu fast aktør i Kvarterhuset på Motalavej");
        assertThat(overview().latestChanges().get(1).summary())
                .isEqualTo("Sundhedsplejen Morsø er nu ad hoc-aktør i Kvarterhuset på Motalavej");
        assertThat(overview().byCentre())
                .extracting(Overview.CentreCount::centreId, Overview.CentreCount::centreName, Overview.CentreCount::activePartners)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("motalavej", "Kvarterhuset på Motalavej", 2L),
                        org.assertj.core.groups.Tuple.tuple("morsoe-bibliotek", "Morsø Bibliotek", 1L));

        ProjectionResult left = apply(new PartnerLeftCentre(MORSOE, "motalavej"));
        assertThat(left.change().summary()).isEqualTo("Sundhedsplejen Morsø har forladt Kvarterhuset på Motalavej");
        assertThat(overview().byCentre())
                .extracting(Overview.CentreCount::centreId, Overview.CentreCount::activePartners)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("motalavej", 1L),
                        org.assertj.core.groups.Tuple.tuple("morsoe-bibliotek", 1L));
    }

    @Test
    void eventsAboutAnUnseenPartnerAreShownByItsId() {
        ProjectionResult result = apply(new ContactPersonAdded("ukendt-1", "c9", "Ole", null, null, null));

        assertThat(result.change().summary()).isEqualTo("Ny kontaktperson hos aktør ukendt-1");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ReceivedEvent registered = received(morsoeRegistered());
        assertThat(projection.apply(TOPIC, registered).kind()).isEqualTo(ProjectionResult.Kind.APPLIED);
        Overview before = overview();
        int publishedBefore = published.size();

        ProjectionResult again = projection.apply(TOPIC, registered);

        assertThat(again.kind()).isEqualTo(ProjectionResult.Kind.DUPLICATE);
        assertThat(again.change()).isNull();
        assertThat(overview()).isEqualTo(before);
        assertThat(published).hasSize(publishedBefore);
        assertThat(count("inbox")).isEqualTo(1);
    }

    @Test
    void aRedeliveredDeactivationDoesNotTouchAPartnerRegisteredAgainSince() {
        apply(morsoeRegistered());
        ReceivedEvent deactivated = received(new PartnerDeactivated(MORSOE, "Lukket"));
        projection.apply(TOPIC, deactivated);
        apply(new PartnerRegistered(MORSOE, "Sundhedsplejen Morsø", Sector.PUBLIC, PartnerKind.MUNICIPAL_DEPARTMENT,
                null, null, null, null, null));
        assertThat(overview().activePartners()).isEqualTo(1);

        projection.apply(TOPIC, deactivated);

        assertThat(overview().activePartners()).isEqualTo(1);
    }

    @Test
    void anUnknownTypeIsRecordedAndOtherwiseIgnored() {
        ReceivedEvent future = new ReceivedEvent(UUID.randomUUID().toString(), "dk.bindeled.partner.PartnerMerged.v1",
                PartnerEventsV1.SOURCE, nextTime(), MORSOE, null);

        ProjectionResult first = projection.apply(TOPIC, future);
        ProjectionResult again = projection.apply(TOPIC, future);

        assertThat(first.kind()).isEqualTo(ProjectionResult.Kind.SKIPPED);
        assertThat(again.kind()).isEqualTo(ProjectionResult.Kind.DUPLICATE);
        assertThat(jdbc.sql("SELECT ce_type FROM inbox WHERE ce_id = ?").param(future.id()).query(String.class).single())
                .isEqualTo("dk.bindeled.partner.PartnerMerged.v1");
        assertThat(overview().latestChanges()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aFailureLeavesNeitherTheInboxRowNorTheChangeBehind() {
        publisher = event -> {
            throw new IllegalStateException("listener failed");
        };
        ReceivedEvent registered = received(morsoeRegistered());

        assertThatThrownBy(() -> projection.apply(TOPIC, registered)).hasMessage("listener failed");
        assertThat(count("inbox")).isZero();
        assertThat(count("partners")).isZero();
        assertThat(count("latest_changes")).isZero();

        publisher = published::add;
        assertThat(projection.apply(TOPIC, registered).kind()).isEqualTo(ProjectionResult.Kind.APPLIED);
        assertThat(overview().activePartners()).isEqualTo(1);
    }

    @Test
    void everyAppliedChangeIsPublishedForThePushAfterCommit() {
        ProjectionResult result = apply(morsoeRegistered());

        assertThat(published).containsExactly(new ChangeApplied(result.change()));
        assertThat(result.change().type()).isEqualTo("dk.bindeled.partner.PartnerRegistered.v1");
        assertThat(result.change().subject()).isEqualTo(MORSOE);
        assertThat(result.change().occurredAt()).isEqualTo(Instant.parse("2026-03-02T08:00:01Z"));
        assertThat(jdbc.sql("SELECT received_at FROM inbox").query((rs, n) -> DashboardQueries.instant(rs, 1)).single())
                .isEqualTo(CLOCK.instant());
    }

    @Test
    void latestChangesAreNewestFirstByEventTimeAndTheFeedIsBounded() {
        apply(morsoeRegistered());
        ReceivedEvent late = new ReceivedEvent(UUID.randomUUID().toString(), "dk.bindeled.partner.ContactPersonAdded.v1",
                PartnerEventsV1.SOURCE, OffsetDateTime.parse("2026-03-01T10:00:00Z"), MORSOE,
                new ContactPersonAdded(MORSOE, "c0", "Tidligere", null, null, null));
        projection.apply(TOPIC, late);
        for (int i = 0; i < PartnerProjection.CHANGES_KEPT + 5; i++) {
            apply(new ContactPersonRemoved(MORSOE, "c" + i));
        }

        List<Change> changes = queries.overview(DashboardQueries.MAX_CHANGES).latestChanges();
        assertThat(changes).hasSize(DashboardQueries.MAX_CHANGES);
        assertThat(changes).extracting(Change::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(count("latest_changes")).isEqualTo(PartnerProjection.CHANGES_KEPT);
        // The oldest by event time go first, even one that arrived late.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM latest_changes WHERE ce_id = ?").param(late.id()).query(Long.class).single()).isZero();
        assertThat(queries.newestEventTime()).contains(changes.get(0).occurredAt());
    }

    @Test
    void theOverviewShowsTheRequestedNumberOfChangesWithinLimits() {
        assertThat(queries.newestEventTime()).isEmpty();
        assertThat(overview().newestEventAt()).isNull();
        for (int i = 0; i < 3; i++) {
            apply(new ContactPersonRemoved(MORSOE, "c" + i));
        }

        assertThat(queries.overview(2).latestChanges()).hasSize(2);
        assertThat(queries.overview(2).newestEventAt()).isEqualTo(queries.overview(20).latestChanges().get(0).occurredAt());
        assertThatThrownBy(() -> queries.overview(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.overview(DashboardQueries.MAX_CHANGES + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooLongIdentifiersAreRefusedBeforeTouchingTheDatabase() {
        ReceivedEvent overlong = new ReceivedEvent("x".repeat(PartnerProjection.MAX_ID_LENGTH + 1), "dk.bindeled.partner.Other.v1",
                PartnerEventsV1.SOURCE, nextTime(), MORSOE, null);

        assertThatThrownBy(() -> projection.apply(TOPIC, overlong)).isInstanceOf(IllegalArgumentException.class);
        assertThat(count("inbox")).isZero();
    }

    @Test
    void offersByWeekCountTheOffersLiveAtTheEndOfEachWeekByTargetGroupAndSector() {
        at("2026-03-02T10:00:00+01:00");
        apply(morsoeRegistered());
        apply(babyCafe(OfferStatus.ACTIVE, new Capacity(12, 5)));
        at("2026-03-10T10:00:00+01:00");
        apply(sumakRegistered());
        // Sunday evening still belongs to its week.
        at("2026-03-15T23:30:00+01:00");
        apply(new OfferPublished(SUMAK, "o2", "Fællesspisning", null, List.of(TargetGroup.ALL_RESIDENTS), null, null, List.of("da"), null,
                List.of(), null, null, OfferStatus.ACTIVE));
        at("2026-03-17T10:00:00+01:00");
        apply(new OfferUpdated(MORSOE, "o1", "Babycafé", null, List.of(TargetGroup.YOUNG_MOTHERS), null, null,
                List.of(), null, List.of(), null, null, OfferStatus.TEMPORARILY_CLOSED));
        at("2026-03-24T10:00:00+01:00");
        apply(new OfferWithdrawn(SUMAK, "o2", "Slut"));

        OffersByWeek weeks = queries.offersByWeek(IsoWeek.parse("2026-W09"), IsoWeek.parse("2026-W13"), ZoneId.of("Europe/Copenhagen"));

        assertThat(weeks.weeks()).containsExactly("2026-W09", "2026-W10", "2026-W11", "2026-W12", "2026-W13");
        // Target groups are the offer's present ones: the closed baby café now names young mothers only.
        assertThat(weeks.byTargetGroup()).extracting(OffersByWeek.Series::key, OffersByWeek.Series::label, OffersByWeek.Series::counts)
                .containsExactly(
                        tuple("ALL_RESIDENTS", "Alle beboere", List.of(0L, 0L, 1L, 1L, 0L)),
                        tuple("YOUNG_MOTHERS", "Unge mødre", List.of(0L, 1L, 1L, 0L, 0L)));
        assertThat(weeks.bySector()).extracting(OffersByWeek.Series::key, OffersByWeek.Series::counts)
                .containsExactly(
                        tuple("PUBLIC", List.of(0L, 1L, 1L, 0L, 0L)),
                        tuple("PRIVATE", List.of(0L, 0L, 1L, 1L, 0L)),
                        tuple("THIRD_SECTOR", List.of(0L, 0L, 0L, 0L, 0L)),
                        tuple("INFORMAL", List.of(0L, 0L, 0L, 0L, 0L)));

        // A deactivated partner's offers stop counting, as in the overview.
        at("2026-03-25T10:00:00+01:00");
        apply(new PartnerDeactivated(SUMAK, "Lukket"));
        assertThat(queries.offersByWeek(IsoWeek.parse("2026-W11"), IsoWeek.parse("2026-W11"), ZoneId.of("Europe/Copenhagen")).bySector())
                .extracting(OffersByWeek.Series::key, OffersByWeek.Series::counts)
                .contains(tuple("PUBLIC", List.of(1L)), tuple("PRIVATE", List.of(0L)));
        assertThatThrownBy(() -> queries.offersByWeek(IsoWeek.parse("2026-W01"), IsoWeek.parse("2026-W30"), ZoneId.of("Europe/Copenhagen")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers

    /** The time of the next events. */
    void at(String time) {
        nextTime = OffsetDateTime.parse(time);
    }

    ProjectionResult apply(PartnerEvent event) {
        return projection.apply(TOPIC, received(event));
    }

    ReceivedEvent received(PartnerEvent event) {
        String type = PartnerEventsV1.CATALOG.byClass(event.getClass()).type();
        return new ReceivedEvent(UUID.randomUUID().toString(), type, PartnerEventsV1.SOURCE, nextTime(), event.subject(), event);
    }

    private OffsetDateTime nextTime() {
        nextTime = nextTime.plusSeconds(1);
        return nextTime;
    }

    Overview overview() {
        return queries.overview(DashboardQueries.MAX_CHANGES);
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static Map<String, Long> sectors(Overview overview) {
        return overview.bySector().stream().collect(Collectors.toMap(Overview.SectorCount::sector, Overview.SectorCount::activePartners,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static PartnerRegistered morsoeRegistered() {
        return new PartnerRegistered(MORSOE, "Sundhedsplejen Morsø", Sector.PUBLIC, PartnerKind.MUNICIPAL_DEPARTMENT, "29189129",
                "Sundhedsplejersker for småbørnsfamilier", "https://www.morsoe.dk", "sundhedspleje@morsoe.dk", null);
    }

    static PartnerRegistered sumakRegistered() {
        return new PartnerRegistered(SUMAK, "Café Sumak", Sector.PRIVATE, PartnerKind.SOCIAL_ECONOMY_BUSINESS, null,
                "Driver køkkenet og lokalebookingen", null, null, null);
    }

    static OfferPublished babyCafe(OfferStatus status, Capacity capacity) {
        return new OfferPublished(MORSOE, "o1", "Babycafé for unge mødre", "Uformel café med sundhedsplejersken",
                List.of(TargetGroup.YOUNG_MOTHERS, TargetGroup.VULNERABLE_FAMILIES_WITH_CHILDREN), 16, 30, List.of("da"), "Gratis",
                List.of(), new OfferLocation("morsoe-bibliotek", "Morsø Bibliotek", "Havnegade 14, 7900 Nykøbing Mors"), capacity, status);
    }
}
