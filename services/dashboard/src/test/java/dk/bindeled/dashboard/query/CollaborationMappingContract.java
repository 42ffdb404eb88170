package dk.bindeled.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dk.bindeled.dashboard.query.CollaborationMapping.Edge;
import dk.bindeled.dashboard.query.CollaborationMapping.LinkKind;
import dk.bindeled.dashboard.query.CollaborationMapping.Series;
import dk.bindeled.events.IntegrationEvent;
import dk.bindeled.events.cloudevents.ReceivedEvent;
import dk.bindeled.events.logbook.v1.ActionItemAssigned;
import dk.bindeled.events.logbook.v1.ActionItemCancelled;
import dk.bindeled.events.logbook.v1.ActionItemCompleted;
import dk.bindeled.events.logbook.v1.ActionItemOverdue;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.logbook.v1.CollaborationFormChanged;
import dk.bindeled.events.logbook.v1.CollaborationStarted;
import dk.bindeled.events.logbook.v1.DecisionRecorded;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.LogbookEventsV1;
import dk.bindeled.events.logbook.v1.MeetingAttended;
import dk.bindeled.events.logbook.v1.MeetingScheduled;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.PartnerJoinedCollaboration;
import dk.bindeled.events.partner.v1.PartnerEventsV1;
import dk.bindeled.events.partner.v1.PartnerKind;
import dk.bindeled.events.partner.v1.PartnerRegistered;
import dk.bindeled.events.partner.v1.Sector;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.events.referral.v1.ReferralEnteredInError;
import dk.bindeled.events.referral.v1.ReferralEventsV1;
import dk.bindeled.events.referral.v1.ReferralSent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The mapping of the collaboration from bindeled.logbook.v1 (with the partners' sectors from bindeled.partner.v1 and the
 * referral links from bindeled.referral.v1): months in Copenhagen, forms as they were then, held meetings, decisions,
 * action items by status and the network's links.
 */
abstract class CollaborationMappingContract {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final String KOMMUNE = "p-kommune";
    static final String FORENING = "p-forening";
    static final String BIBLIOTEK = "p-bibliotek";
    static final String CAFE = "p-cafe";
    /** Never announced on the partner topic. */
    static final String UKENDT = "p-ukendt";

    private SingleConnectionDataSource dataSource;
    private OffsetDateTime now;
    CollaborationMappingProjection projection;
    PartnerProjection partners;
    ReferralProjection referrals;
    CollaborationMappingQueries queries;

    abstract SingleConnectionDataSource dataSource();

    @BeforeEach
    void migrate() {
        dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).cleanDisabled(false).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-12-15T08:00:00Z"), COPENHAGEN);
        projection = new CollaborationMappingProjection(jdbc, transactions, event -> { }, clock);
        partners = new PartnerProjection(jdbc, transactions, event -> { }, clock);
        referrals = new ReferralProjection(jdbc, transactions, event -> { }, clock);
        queries = new CollaborationMappingQueries(jdbc, transactions);
    }

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    /**
     * Two collaborations in the autumn of 2026: one started in October as knowledge sharing and coordinating from
     * November, one started in November as co-creation that a partner the registry does not know joins in December.
     */
    void theAutumn() {
        at("2026-10-01T08:00:00Z");
        register(KOMMUNE, "Kommunens familieafdeling", Sector.PUBLIC);
        register(FORENING, "Foreningen Brændpunktet", Sector.THIRD_SECTOR);
        register(BIBLIOTEK, "Bibliotek Gellerup", Sector.PUBLIC);
        register(CAFE, "Café Sumak", Sector.PRIVATE);
        at("2026-10-05T08:00:00Z");
        logbook(new CollaborationStarted("c1", "Lektiecafé", CollaborationForm.VIDENDELE, List.of(TargetGroup.CHILDREN), KOMMUNE,
                List.of(FORENING), List.of(BIBLIOTEK), null));
        // 1 November 00:30 in Copenhagen: already November there.
        at("2026-10-31T23:30:00Z");
        logbook(new CollaborationFormChanged("c1", CollaborationForm.VIDENDELE, CollaborationForm.SAMORDNE));
        at("2026-11-03T08:00:00Z");
        logbook(new CollaborationStarted("c2", "Fællesspisning", CollaborationForm.SAMSKABE, List.of(), FORENING, List.of(), List.of(CAFE), null));

        // m1, November: the library was recorded with two people, then with none (it sent its apologies after all).
        logbook(new MeetingScheduled("m1", "c1", MeetingType.NETWORK, "Netværksmøde", Instant.parse("2026-11-10T09:00:00Z"),
                Instant.parse("2026-11-10T11:00:00Z"), List.of(KOMMUNE, FORENING, BIBLIOTEK), List.of()));
        at("2026-11-10T11:00:00Z");
        logbook(new MeetingAttended("m1", KOMMUNE, 3));
        logbook(new MeetingAttended("m1", FORENING, 2));
        logbook(new MeetingAttended("m1", BIBLIOTEK, 2));
        logbook(new MeetingAttended("m1", BIBLIOTEK, 0));
        logbook(new DecisionRecorded("m1", "d1", DecisionType.AGREED_RULE, null));
        // m2 starts at 00:30 on 1 December in Copenhagen: a December meeting.
        logbook(new MeetingScheduled("m2", "c1", MeetingType.HOUSE_COUNCIL, "Husråd", Instant.parse("2026-11-30T23:30:00Z"), null,
                List.of(FORENING, CAFE), List.of(FORENING, CAFE)));
        // m3, December: the only partner recorded did not come, so it was not held.
        logbook(new MeetingScheduled("m3", "c2", MeetingType.COORDINATION, "Planlægning", Instant.parse("2026-12-05T13:00:00Z"),
                Instant.parse("2026-12-05T14:00:00Z"), List.of(FORENING, CAFE), List.of()));
        at("2026-12-01T01:00:00Z");
        logbook(new MeetingAttended("m2", FORENING, 1));
        logbook(new MeetingAttended("m2", CAFE, 1));
        logbook(new DecisionRecorded("m2", "d2", DecisionType.ALLOCATION, "v1"));
        at("2026-12-02T09:00:00Z");
        logbook(new PartnerJoinedCollaboration("c2", UKENDT, false));
        at("2026-12-05T14:00:00Z");
        logbook(new MeetingAttended("m3", FORENING, 0));

        at("2026-11-12T09:00:00Z");
        referral(new ReferralSent("r1", KOMMUNE, FORENING, "o1", TargetGroup.CHILDREN, false));
        referral(new ReferralSent("r2", KOMMUNE, FORENING, "o1", TargetGroup.CHILDREN, false));
        referral(new ReferralSent("r3", KOMMUNE, CAFE, "o2", null, false));
        referral(new ReferralEnteredInError("r3", KOMMUNE, CAFE, "o2", null));
        at("2026-12-03T09:00:00Z");
        referral(new ReferralSent("r4", FORENING, KOMMUNE, "o3", null, false));
        referral(new ReferralSent("r5", CAFE, CAFE, "o4", null, false));
    }

    @Test
    void collaborationsAreCountedMonthByMonthByTheFormTheyHadThenAndByTheirPartnersSectors() {
        theAutumn();

        CollaborationMapping mapping = queries.mapping(YearMonth.of(2026, 10), YearMonth.of(2026, 12), COPENHAGEN);

        assertThat(mapping.months()).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(mapping.collaborations().total()).containsExactly(1L, 2L, 2L);
        assertThat(mapping.collaborations().started()).containsExactly(1L, 1L, 0L);
        assertThat(mapping.collaborations().byForm()).extracting(Series::key, Series::label, Series::counts).containsExactly(
                tuple("VIDENDELE", "Videndele", List.of(1L, 0L, 0L)),
                tuple("SAMVIRKE", "Samvirke", List.of(0L, 0L, 0L)),
                tuple("RESSOURCEUDVEKSLE", "Ressourceudveksle", List.of(0L, 0L, 0L)),
                tuple("SAMORDNE", "Samordne", List.of(0L, 1L, 1L)),
                tuple("SAMSKABE", "Samskabe", List.of(0L, 1L, 1L)));
        assertThat(mapping.collaborations().bySector()).extracting(Series::key, Series::counts).containsExactly(
                tuple("PUBLIC", List.of(1L, 1L, 1L)),
                tuple("PRIVATE", List.of(0L, 1L, 1L)),
                tuple("THIRD_SECTOR", List.of(1L, 2L, 2L)),
                tuple("INFORMAL", List.of(0L, 0L, 0L)),
                tuple("UNKNOWN", List.of(0L, 0L, 1L)));
        assertThat(mapping.collaborations().bySector().get(4).label()).isEqualTo("Ikke i aktørregistret");
    }

    @Test
    void aMeetingIsHeldWhenSomeoneOfAPartnerWasThereInTheMonthItStartedInCopenhagen() {
        theAutumn();

        CollaborationMapping mapping = queries.mapping(YearMonth.of(2026, 10), YearMonth.of(2026, 12), COPENHAGEN);

        assertThat(mapping.meetings().scheduled()).containsExactly(0L, 1L, 2L);
        assertThat(mapping.meetings().held()).containsExactly(0L, 1L, 1L);
        Map<String, List<Long>> byType = mapping.meetings().heldByType().stream().collect(Collectors.toMap(Series::key, Series::counts));
        assertThat(byType).containsEntry("NETWORK", List.of(0L, 1L, 0L)).containsEntry("HOUSE_COUNCIL", List.of(0L, 0L, 1L))
                .containsEntry("COORDINATION", List.of(0L, 0L, 0L)).hasSize(MeetingType.values().length);
        assertThat(mapping.decisions().total()).isEqualTo(2);
        assertThat(mapping.decisions().byType()).extracting(CollaborationMapping.TypeCount::key, CollaborationMapping.TypeCount::count,
                CollaborationMapping.TypeCount::counts).contains(
                tuple("AGREED_RULE", 1L, List.of(0L, 1L, 0L)),
                tuple("ALLOCATION", 1L, List.of(0L, 0L, 1L)),
                tuple("OTHER", 0L, List.of(0L, 0L, 0L)));
        assertThat(mapping.decisions().byType().get(0).label()).isEqualTo("Vedtaget regel");
    }

    @Test
    void theNetworkLinksPartnersByCollaborationsHeldMeetingsAndReferralsStrongestFirst() {
        theAutumn();

        CollaborationMapping mapping = queries.mapping(YearMonth.of(2026, 10), YearMonth.of(2026, 12), COPENHAGEN);

        assertThat(mapping.network().edges()).containsExactly(
                new Edge(KOMMUNE, FORENING, LinkKind.REFERRAL, 2),
                new Edge(BIBLIOTEK, FORENING, LinkKind.COLLABORATION, 1),
                new Edge(BIBLIOTEK, KOMMUNE, LinkKind.COLLABORATION, 1),
                new Edge(CAFE, FORENING, LinkKind.COLLABORATION, 1),
                new Edge(CAFE, UKENDT, LinkKind.COLLABORATION, 1),
                new Edge(FORENING, KOMMUNE, LinkKind.COLLABORATION, 1),
                new Edge(FORENING, UKENDT, LinkKind.COLLABORATION, 1),
                new Edge(CAFE, FORENING, LinkKind.MEETING, 1),
                new Edge(FORENING, KOMMUNE, LinkKind.MEETING, 1),
                new Edge(FORENING, KOMMUNE, LinkKind.REFERRAL, 1));
        assertThat(mapping.network().nodes()).extracting(CollaborationMapping.Node::partnerId, CollaborationMapping.Node::name,
                CollaborationMapping.Node::sector, CollaborationMapping.Node::collaborations, CollaborationMapping.Node::meetingsAttended).containsExactly(
                tuple(BIBLIOTEK, "Bibliotek Gellerup", "PUBLIC", 1L, 0L),
                tuple(CAFE, "Café Sumak", "PRIVATE", 1L, 1L),
                tuple(FORENING, "Foreningen Brændpunktet", "THIRD_SECTOR", 2L, 2L),
                tuple(KOMMUNE, "Kommunens familieafdeling", "PUBLIC", 1L, 1L),
                tuple(UKENDT, "aktør " + UKENDT, "UNKNOWN", 1L, 0L));
        assertThat(mapping.network().kinds()).extracting(CollaborationMapping.KindLabel::label).containsExactly("Samarbejde", "Møde", "Henvisning");
    }

    @Test
    void aShorterRangeLinksOnlyWhatHappenedInItAndWhoHadJoinedByItsEnd() {
        theAutumn();

        CollaborationMapping november = queries.mapping(YearMonth.of(2026, 11), YearMonth.of(2026, 11), COPENHAGEN);

        assertThat(november.network().edges()).extracting(Edge::kind, Edge::a, Edge::b, Edge::weight).containsExactly(
                tuple(LinkKind.REFERRAL, KOMMUNE, FORENING, 2L),
                tuple(LinkKind.COLLABORATION, BIBLIOTEK, FORENING, 1L),
                tuple(LinkKind.COLLABORATION, BIBLIOTEK, KOMMUNE, 1L),
                tuple(LinkKind.COLLABORATION, CAFE, FORENING, 1L),
                tuple(LinkKind.COLLABORATION, FORENING, KOMMUNE, 1L),
                tuple(LinkKind.MEETING, FORENING, KOMMUNE, 1L));
        assertThat(november.decisions().total()).isEqualTo(1);
        assertThat(november.meetings().held()).containsExactly(1L);
        CollaborationMapping october = queries.mapping(YearMonth.of(2026, 10), YearMonth.of(2026, 10), COPENHAGEN);
        assertThat(october.collaborations().byForm().get(0).counts()).containsExactly(1L);
        assertThat(october.network().nodes()).extracting(CollaborationMapping.Node::partnerId).containsExactly(BIBLIOTEK, FORENING, KOMMUNE);
    }

    @Test
    void actionItemsAreOpenOverdueCompletedOrCancelledAndACompletedOneIsNeverOverdueAgain() {
        at("2026-11-10T11:00:00Z");
        logbook(assigned("a1"));
        logbook(assigned("a2"));
        logbook(assigned("a3"));
        logbook(assigned("a4"));
        logbook(assigned("a5"));
        at("2026-11-25T23:00:00Z");
        logbook(new ActionItemOverdue("a2", "c1", LocalDate.of(2026, 11, 24)));
        logbook(new ActionItemCompleted("a3", "c1"));
        logbook(new ActionItemOverdue("a4", "c1", LocalDate.of(2026, 11, 24)));
        logbook(new ActionItemCompleted("a4", "c1"));
        logbook(new ActionItemCancelled("a5", "c1"));
        // Heard of first by its completion, then an overdue report: completed stays completed.
        logbook(new ActionItemCompleted("a6", "c1"));
        logbook(new ActionItemOverdue("a6", "c1", LocalDate.of(2026, 11, 24)));

        CollaborationMapping.ActionItems items = queries.mapping(YearMonth.of(2026, 12), YearMonth.of(2026, 12), COPENHAGEN).actionItems();

        assertThat(items).isEqualTo(new CollaborationMapping.ActionItems(2, 1, 3, 1));
    }

    @Test
    void aRedeliveredEventChangesNothingAndADecisionRecordedTwiceCountsOnce() {
        at("2026-11-03T08:00:00Z");
        ReceivedEvent started = received(new CollaborationStarted("c1", "Lektiecafé", CollaborationForm.SAMVIRKE, List.of(), KOMMUNE,
                List.of(), List.of(FORENING), null), LogbookEventsV1.CATALOG.byClass(CollaborationStarted.class).type(), LogbookEventsV1.SOURCE);
        ReceivedEvent decision = received(new DecisionRecorded("m1", "d1", DecisionType.OTHER, null),
                LogbookEventsV1.CATALOG.byClass(DecisionRecorded.class).type(), LogbookEventsV1.SOURCE);

        assertThat(projection.apply(LogbookEventsV1.CATALOG.topic(), started).kind()).isEqualTo(ProjectionResult.Kind.APPLIED);
        assertThat(projection.apply(LogbookEventsV1.CATALOG.topic(), started).kind()).isEqualTo(ProjectionResult.Kind.DUPLICATE);
        projection.apply(LogbookEventsV1.CATALOG.topic(), decision);
        projection.apply(LogbookEventsV1.CATALOG.topic(), decision);
        // The logbook published it again under a new ce_id (at least once): still one decision.
        logbook(new DecisionRecorded("m1", "d1", DecisionType.OTHER, null));

        CollaborationMapping mapping = queries.mapping(YearMonth.of(2026, 11), YearMonth.of(2026, 11), COPENHAGEN);
        assertThat(mapping.collaborations().total()).containsExactly(1L);
        assertThat(mapping.collaborations().byForm().get(1).counts()).containsExactly(1L);
        assertThat(mapping.decisions().total()).isEqualTo(1);
        assertThat(mapping.network().edges()).containsExactly(new Edge(FORENING, KOMMUNE, LinkKind.COLLABORATION, 1));
    }

    @Test
    void anEmptyRangeOrOneOfMoreThanThreeYearsIsRefused() {
        assertThatThrownBy(() -> queries.mapping(YearMonth.of(2026, 12), YearMonth.of(2026, 11), COPENHAGEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.mapping(YearMonth.of(2024, 1), YearMonth.of(2027, 1), COPENHAGEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("36 months");
        assertThat(queries.mapping(YearMonth.of(2024, 1), YearMonth.of(2026, 12), COPENHAGEN).months()).hasSize(36);
    }

    private static ActionItemAssigned assigned(String id) {
        return new ActionItemAssigned(id, "c1", "m1", FORENING, LocalDate.of(2026, 11, 24));
    }

    private void at(String instant) {
        now = OffsetDateTime.parse(instant);
    }

    private void register(String id, String name, Sector sector) {
        partners.apply(PartnerEventsV1.CATALOG.topic(), received(new PartnerRegistered(id, name, sector, PartnerKind.ASSOCIATION, null,
                "Beskrivelse", null, null, null), PartnerEventsV1.CATALOG.byClass(PartnerRegistered.class).type(), PartnerEventsV1.SOURCE));
    }

    private void logbook(dk.bindeled.events.logbook.v1.LogbookEvent event) {
        ProjectionResult result = projection.apply(LogbookEventsV1.CATALOG.topic(),
                received(event, LogbookEventsV1.CATALOG.byClass(event.getClass()).type(), LogbookEventsV1.SOURCE));
        assertThat(result.kind()).isEqualTo(ProjectionResult.Kind.APPLIED);
    }

    private void referral(dk.bindeled.events.referral.v1.ReferralEvent event) {
        referrals.apply(ReferralEventsV1.CATALOG.topic(), received(event, ReferralEventsV1.CATALOG.byClass(event.getClass()).type(),
                ReferralEventsV1.SOURCE));
    }

    private ReceivedEvent received(IntegrationEvent event, String type, java.net.URI source) {
        now = now.plusSeconds(1);
        return new ReceivedEvent(UUID.randomUUID().toString(), type, source, now.withOffsetSameInstant(ZoneOffset.UTC), event.subject(), event);
    }
}
