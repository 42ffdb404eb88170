package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.events.logbook.v1.DecisionType;
import dk.bindeled.events.logbook.v1.Majority;
import dk.bindeled.events.logbook.v1.MeetingType;
import dk.bindeled.events.logbook.v1.VoteChoice;
import dk.bindeled.logbook.api.Commands.AddAgendaItem;
import dk.bindeled.logbook.api.Commands.ApproveMinutes;
import dk.bindeled.logbook.api.Commands.CastVote;
import dk.bindeled.logbook.api.Commands.CirculateMinutes;
import dk.bindeled.logbook.api.Commands.CloseVote;
import dk.bindeled.logbook.api.Commands.DecideAmendment;
import dk.bindeled.logbook.api.Commands.DraftMinutes;
import dk.bindeled.logbook.api.Commands.GiveProxy;
import dk.bindeled.logbook.api.Commands.OpenVote;
import dk.bindeled.logbook.api.Commands.ProposeAmendment;
import dk.bindeled.logbook.api.Commands.RecordAttendance;
import dk.bindeled.logbook.api.Commands.RecordDecision;
import dk.bindeled.logbook.api.Commands.RecordVoteTotals;
import dk.bindeled.logbook.api.Commands.ScheduleMeeting;
import dk.bindeled.logbook.api.Events.AgendaItemAdded;
import dk.bindeled.logbook.api.Events.AmendmentDecided;
import dk.bindeled.logbook.api.Events.AmendmentProposed;
import dk.bindeled.logbook.api.Events.AttendanceRecorded;
import dk.bindeled.logbook.api.Events.DecisionRecorded;
import dk.bindeled.logbook.api.Events.MeetingScheduled;
import dk.bindeled.logbook.api.Events.MeetingRoomAnswered;
import dk.bindeled.logbook.api.Events.MeetingRoomRequested;
import dk.bindeled.logbook.api.Commands.RoomStatus;
import dk.bindeled.logbook.api.Commands.RecordRoomAnswer;
import dk.bindeled.logbook.api.Commands.RequestMeetingRoom;
import dk.bindeled.logbook.api.Events.MinutesApproved;
import dk.bindeled.logbook.api.Events.MinutesCirculated;
import dk.bindeled.logbook.api.Events.MinutesDrafted;
import dk.bindeled.logbook.api.Events.ProxyGiven;
import dk.bindeled.logbook.api.Events.RollEntry;
import dk.bindeled.logbook.api.Events.VoteCast;
import dk.bindeled.logbook.api.Events.VoteClosed;
import dk.bindeled.logbook.api.Events.VoteOpened;
import dk.bindeled.logbook.api.Events.VoteTotalsRecorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A house council of Foreningernes Hus adopting its house rules: one vote per member association, proxies, the roll
 * frozen as a vote opens, quorum and majority on closing; and its minutes through the attendees' amendment round to
 * approved and frozen. "Now" is Tuesday 1 December 2026, 18:00 UTC.
 */
class MeetingTest {

    static final String MEETING = "m1";
    static final String HUS = "foreningernes-hus";
    static final List<String> MEMBERS = List.of(HUS, "somalisk-forening", "kvindernes-netvaerk", "lektiecafeen", "ungdomsklubben", "seniorklubben");
    static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static MeetingScheduled scheduled() {
        return new MeetingScheduled(MEETING, "c1", HUS, MeetingType.HOUSE_COUNCIL, "Husrådsmøde december", NOW, NOW.plus(Duration.ofHours(2)),
                "Salen", MEMBERS, MEMBERS);
    }

    static AttendanceRecorded came(String org) {
        return new AttendanceRecorded(MEETING, org, List.of("formand"));
    }

    static OpenVote houseRules(Majority majority, boolean secret) {
        return new OpenVote(MEETING, HUS, "v1", "a1", "Husorden for Foreningernes Hus vedtages", majority, 0.5, 3, secret);
    }

    /** Four of six present; the youth club gives its proxy to the homework café; the seniors stay away without one. */
    static List<Object> councilInSession() {
        List<Object> given = new ArrayList<>(List.of(scheduled(), new AgendaItemAdded(MEETING, "a1", "Husorden", null)));
        for (String org : List.of(HUS, "somalisk-forening", "kvindernes-netvaerk", "lektiecafeen")) {
            given.add(came(org));
        }
        given.add(new ProxyGiven(MEETING, "ungdomsklubben", "lektiecafeen"));
        return given;
    }

    static List<RollEntry> roll() {
        return List.of(new RollEntry(HUS, HUS), new RollEntry("somalisk-forening", "somalisk-forening"),
                new RollEntry("kvindernes-netvaerk", "kvindernes-netvaerk"), new RollEntry("lektiecafeen", "lektiecafeen"),
                new RollEntry("ungdomsklubben", "lektiecafeen"));
    }

    static VoteOpened opened(Majority majority, boolean secret) {
        return new VoteOpened(MEETING, "v1", "a1", "Husorden for Foreningernes Hus vedtages", majority, 0.5, 3, secret, roll(), 6);
    }

    @Test
    void onlyTheCoordinatorSchedulesAndTheTypeAndTimesAreChecked() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(MEETING, "c1", "lektiecafeen", HUS, MeetingType.HOUSE_COUNCIL, "Husrådsmøde", NOW, null, null, MEMBERS, MEMBERS, null))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(MEETING, "c1", HUS, HUS, MeetingType.HOUSE_COUNCIL, "Husrådsmøde", NOW, NOW.minusSeconds(60), null, MEMBERS, MEMBERS, null))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(MEETING, "c1", HUS, HUS, MeetingType.HOUSE_COUNCIL, "Husrådsmøde december", NOW, NOW.plus(Duration.ofHours(2)),
                        "Salen", MEMBERS, MEMBERS, null))
                .expectEvents(scheduled());
    }

    @Test
    void theOpenActionItemsAndUnfinishedItemsOfTheLastMeetingOpenTheAgenda() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(MEETING, "c1", HUS, HUS, MeetingType.HOUSE_COUNCIL, "Husrådsmøde december", NOW, NOW.plus(Duration.ofHours(2)),
                        "Salen", MEMBERS, MEMBERS, List.of(new dk.bindeled.logbook.api.Commands.CarriedOver("a1", "Opfølgning: nøgleordning", "action-item:ai-7"),
                        new dk.bindeled.logbook.api.Commands.CarriedOver("a2", "Rengøringsplan", "m0/a4"))))
                .expectEvents(scheduled(), new AgendaItemAdded(MEETING, "a1", "Opfølgning: nøgleordning", "action-item:ai-7"),
                        new AgendaItemAdded(MEETING, "a2", "Rengøringsplan", "m0/a4"));
        setUp();
        fixture.given(scheduled(), new AgendaItemAdded(MEETING, "a1", "Husorden", null))
                .when(new dk.bindeled.logbook.api.Commands.FinishAgendaItem(MEETING, HUS, "a1"))
                .expectEvents(new dk.bindeled.logbook.api.Events.AgendaItemFinished(MEETING, "a1"));
        setUp();
        fixture.given(scheduled())
                .when(new dk.bindeled.logbook.api.Commands.FinishAgendaItem(MEETING, HUS, "a9"))
                .expectException(dk.bindeled.domain.NotFoundException.class).expectNoEvents();
    }

    @Test
    void theRollIsFrozenAsTheVoteOpensWithTheProxyCastByItsHolder() {
        fixture.given(councilInSession())
                .when(houseRules(Majority.SIMPLE, false))
                .expectEvents(opened(Majority.SIMPLE, false));
        // Who arrives after the vote opened is not on its roll.
        List<Object> late = new ArrayList<>(councilInSession());
        late.add(opened(Majority.SIMPLE, false));
        late.add(came("seniorklubben"));
        setUp();
        fixture.given(late)
                .when(new CastVote(MEETING, "seniorklubben", "v1", "seniorklubben", VoteChoice.FOR))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not on this vote's roll"))
                .expectNoEvents();
    }

    @Test
    void theProxyHolderCastsTheGiversVoteAndNoOneElseAndEachVoteOnce() {
        List<Object> open = new ArrayList<>(councilInSession());
        open.add(opened(Majority.SIMPLE, false));
        fixture.given(open)
                .when(new CastVote(MEETING, "lektiecafeen", "v1", "ungdomsklubben", VoteChoice.FOR))
                .expectEvents(new VoteCast(MEETING, "v1", "ungdomsklubben", "lektiecafeen", VoteChoice.FOR));
        setUp();
        fixture.given(open)
                .when(new CastVote(MEETING, "somalisk-forening", "v1", "ungdomsklubben", VoteChoice.AGAINST))
                .expectException(RuleViolationException.class).expectNoEvents();
        List<Object> voted = new ArrayList<>(open);
        voted.add(new VoteCast(MEETING, "v1", HUS, HUS, VoteChoice.FOR));
        setUp();
        fixture.given(voted)
                .when(new CastVote(MEETING, HUS, "v1", HUS, VoteChoice.AGAINST))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("voted already"))
                .expectNoEvents();
    }

    @Test
    void aProxyGoesFromAMemberToAnotherOnceAndAMemberHoldsAtMostOne() {
        fixture.given(councilInSession())
                .when(new GiveProxy(MEETING, "seniorklubben", "seniorklubben", "lektiecafeen"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("holds a proxy already"));
        setUp();
        fixture.given(councilInSession())
                .when(new GiveProxy(MEETING, "seniorklubben", "seniorklubben", "naboforeningen"))
                .expectException(RuleViolationException.class).expectNoEvents();
        setUp();
        fixture.given(councilInSession())
                .when(new GiveProxy(MEETING, "ungdomsklubben", "ungdomsklubben", HUS))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already"));
        // Someone else cannot give a member's vote away; the coordinator can record a proxy handed in on paper.
        setUp();
        fixture.given(councilInSession())
                .when(new GiveProxy(MEETING, "kvindernes-netvaerk", "seniorklubben", HUS))
                .expectException(RuleViolationException.class).expectNoEvents();
        setUp();
        fixture.given(councilInSession())
                .when(new GiveProxy(MEETING, HUS, "seniorklubben", "somalisk-forening"))
                .expectEvents(new ProxyGiven(MEETING, "seniorklubben", "somalisk-forening"));
    }

    @Test
    void closingSaysWhetherQuorumAndMajorityWereMet() {
        List<Object> cast = new ArrayList<>(councilInSession());
        cast.add(opened(Majority.TWO_THIRDS, false));
        cast.add(new VoteCast(MEETING, "v1", HUS, HUS, VoteChoice.FOR));
        cast.add(new VoteCast(MEETING, "v1", "somalisk-forening", "somalisk-forening", VoteChoice.FOR));
        cast.add(new VoteCast(MEETING, "v1", "kvindernes-netvaerk", "kvindernes-netvaerk", VoteChoice.AGAINST));
        cast.add(new VoteCast(MEETING, "v1", "lektiecafeen", "lektiecafeen", VoteChoice.FOR));
        cast.add(new VoteCast(MEETING, "v1", "ungdomsklubben", "lektiecafeen", VoteChoice.ABSTAIN));
        // 5 of 6 represented (quorum 3); 3 for, 1 against: three quarters of those for and against, so two thirds are met.
        fixture.given(cast)
                .when(new CloseVote(MEETING, HUS, "v1"))
                .expectEvents(new VoteClosed(MEETING, "v1", Majority.TWO_THIRDS, false, 6, 5, 3, true, 3, 1, 1, true, true));
        // Closed is closed.
        List<Object> closed = new ArrayList<>(cast);
        closed.add(new VoteClosed(MEETING, "v1", Majority.TWO_THIRDS, false, 6, 5, 3, true, 3, 1, 1, true, true));
        setUp();
        fixture.given(closed)
                .when(new CastVote(MEETING, HUS, "v1", HUS, VoteChoice.AGAINST))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void withoutQuorumTheMotionFallsWhateverTheMajority() {
        List<Object> thin = new ArrayList<>(List.of(scheduled(), new AgendaItemAdded(MEETING, "a1", "Husorden", null), came(HUS), came("lektiecafeen")));
        thin.add(new VoteOpened(MEETING, "v1", "a1", "Husorden", Majority.SIMPLE, 0.5, 3, false,
                List.of(new RollEntry(HUS, HUS), new RollEntry("lektiecafeen", "lektiecafeen")), 6));
        thin.add(new VoteCast(MEETING, "v1", HUS, HUS, VoteChoice.FOR));
        thin.add(new VoteCast(MEETING, "v1", "lektiecafeen", "lektiecafeen", VoteChoice.FOR));
        fixture.given(thin)
                .when(new CloseVote(MEETING, HUS, "v1"))
                .expectEvents(new VoteClosed(MEETING, "v1", Majority.SIMPLE, false, 6, 2, 3, false, 2, 0, 0, true, false));
    }

    @Test
    void aSecretVoteIsCountedOnPaperAndItsTotalsCannotExceedTheRoll() {
        List<Object> secret = new ArrayList<>(councilInSession());
        secret.add(opened(Majority.SIMPLE, true));
        fixture.given(secret)
                .when(new CastVote(MEETING, HUS, "v1", HUS, VoteChoice.FOR))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("on paper"));
        setUp();
        fixture.given(secret)
                .when(new RecordVoteTotals(MEETING, HUS, "v1", 4, 1, 1))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("5 votes on the roll"));
        setUp();
        fixture.given(secret)
                .when(new RecordVoteTotals(MEETING, "lektiecafeen", "v1", 3, 1, 1))
                .expectException(RuleViolationException.class).expectNoEvents();
        List<Object> counted = new ArrayList<>(secret);
        counted.add(new VoteTotalsRecorded(MEETING, "v1", 3, 1, 1));
        setUp();
        fixture.given(counted)
                .when(new CloseVote(MEETING, HUS, "v1"))
                .expectEvents(new VoteClosed(MEETING, "v1", Majority.SIMPLE, true, 6, 5, 3, true, 3, 1, 1, true, true));
    }

    @Test
    void aDecisionNamesAnAgendaItemAndOnlyAClosedVote() {
        List<Object> open = new ArrayList<>(councilInSession());
        open.add(opened(Majority.SIMPLE, false));
        fixture.given(open)
                .when(new RecordDecision(MEETING, HUS, "d1", "a1", DecisionType.AGREED_RULE, "Husordenen er vedtaget", "v1"))
                .expectException(InvalidInputException.class).expectNoEvents();
        setUp();
        fixture.given(open)
                .when(new RecordDecision(MEETING, HUS, "d1", "a9", DecisionType.AGREED_RULE, "Husordenen er vedtaget", null))
                .expectException(InvalidInputException.class).expectNoEvents();
        List<Object> closed = new ArrayList<>(open);
        closed.add(new VoteClosed(MEETING, "v1", Majority.SIMPLE, false, 6, 5, 3, true, 4, 1, 0, true, true));
        setUp();
        fixture.given(closed)
                .when(new RecordDecision(MEETING, HUS, "d1", "a1", DecisionType.AGREED_RULE, "Husordenen er vedtaget", "v1"))
                .expectEvents(new DecisionRecorded(MEETING, "d1", "a1", DecisionType.AGREED_RULE, "Husordenen er vedtaget", "v1"));
    }

    // --- minutes

    static final Instant UNTIL = NOW.plus(Duration.ofDays(7));

    static List<Object> circulated() {
        List<Object> given = new ArrayList<>(councilInSession());
        given.add(new MinutesDrafted(MEETING, 1, "Husordenen blev vedtaget."));
        given.add(new MinutesCirculated(MEETING, UNTIL, List.of(HUS, "somalisk-forening", "kvindernes-netvaerk", "lektiecafeen")));
        return given;
    }

    @Test
    void minutesAreCirculatedToTheAttendeesWhoAloneAmendThemWithinThePeriod() {
        List<Object> drafted = new ArrayList<>(councilInSession());
        drafted.add(new MinutesDrafted(MEETING, 1, "Husordenen blev vedtaget."));
        fixture.given(drafted)
                .when(new CirculateMinutes(MEETING, HUS, UNTIL))
                .expectEvents(new MinutesCirculated(MEETING, UNTIL, List.of(HUS, "somalisk-forening", "kvindernes-netvaerk", "lektiecafeen")));
        setUp();
        fixture.given(circulated())
                .when(new ProposeAmendment(MEETING, "somalisk-forening", "e1", "næstformand", "Tilføj: gælder fra 1. januar"))
                .expectEvents(new AmendmentProposed(MEETING, "e1", "somalisk-forening", "næstformand", "Tilføj: gælder fra 1. januar", false));
        // The youth club voted by proxy but did not attend: it does not amend.
        setUp();
        fixture.given(circulated())
                .when(new ProposeAmendment(MEETING, "ungdomsklubben", "e1", null, "Noget andet"))
                .expectException(RuleViolationException.class).expectNoEvents();
        // Circulated minutes are not edited.
        setUp();
        fixture.given(circulated())
                .when(new DraftMinutes(MEETING, HUS, "Ny tekst"))
                .expectException(RuleViolationException.class).expectNoEvents();
        // After the period: no more amendments.
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerInjectableResource(Clock.fixed(UNTIL, ZoneOffset.UTC));
        fixture.given(circulated())
                .when(new ProposeAmendment(MEETING, "somalisk-forening", "e1", null, "For sent"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ended"));
    }

    @Test
    void approvingFreezesTheTextWithTheAcceptedAmendmentsUnderItsSha256() {
        List<Object> amended = new ArrayList<>(circulated());
        amended.add(new AmendmentProposed(MEETING, "e1", "somalisk-forening", null, "Tilføj: gælder fra 1. januar", false));
        amended.add(new AmendmentProposed(MEETING, "e2", "kvindernes-netvaerk", null, "Slet punkt 3", false));
        // An undecided amendment holds the approval back.
        fixture.given(amended)
                .when(new ApproveMinutes(MEETING, HUS, "m2"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("Decide every amendment"));
        // Not accepting one needs a reason.
        setUp();
        fixture.given(amended)
                .when(new DecideAmendment(MEETING, HUS, "e2", false, " "))
                .expectException(InvalidInputException.class).expectNoEvents();
        amended.add(new AmendmentDecided(MEETING, "e1", true, null));
        amended.add(new AmendmentDecided(MEETING, "e2", false, "Punkt 3 blev vedtaget som skrevet"));
        String content = "Husordenen blev vedtaget.\n\nVedtagne ændringer:\n1. Tilføj: gælder fra 1. januar\n";
        setUp();
        fixture.given(amended)
                .when(new ApproveMinutes(MEETING, HUS, "m2"))
                .expectEvents(new MinutesApproved(MEETING, content, MinutesSeal.sha256(content), "m2"));
        // Without a next meeting, only once the amendment period has ended.
        setUp();
        fixture.given(amended)
                .when(new ApproveMinutes(MEETING, HUS, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("amendment period runs until"));
        org.assertj.core.api.Assertions.assertThat(MinutesSeal.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onceTheMinutesAreCirculatedTheMeetingsRecordIsSettled() {
        for (Object change : List.of(new AddAgendaItem(MEETING, HUS, "a2", "Nyt punkt", null),
                new RecordAttendance(MEETING, HUS, "seniorklubben", List.of("formand")),
                new OpenVote(MEETING, HUS, "v2", "a1", "Endnu en afstemning", Majority.SIMPLE, 0.5, 0, false),
                new RecordDecision(MEETING, HUS, "d9", "a1", DecisionType.OTHER, "Eftertanke", null),
                new GiveProxy(MEETING, "seniorklubben", "seniorklubben", "somalisk-forening"))) {
            setUp();
            fixture.given(circulated())
                    .when(change)
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("settled once the minutes are circulated"))
                    .expectNoEvents();
        }
    }

    @Test
    void frozenMinutesAreCorrectedByANewAmendmentNeverAnEdit() {
        List<Object> frozen = new ArrayList<>(circulated());
        frozen.add(new MinutesApproved(MEETING, "Husordenen blev vedtaget.", MinutesSeal.sha256("Husordenen blev vedtaget."), "m2"));
        fixture.given(frozen)
                .when(new DraftMinutes(MEETING, HUS, "Rettet tekst"))
                .expectException(RuleViolationException.class).expectNoEvents();
        setUp();
        fixture.given(frozen)
                .when(new ApproveMinutes(MEETING, HUS, "m3"))
                .expectException(RuleViolationException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("frozen"));
        setUp();
        fixture.given(frozen)
                .when(new ProposeAmendment(MEETING, "lektiecafeen", "k1", "kasserer", "Rettelse: mødet sluttede kl. 20"))
                .expectEvents(new AmendmentProposed(MEETING, "k1", "lektiecafeen", "kasserer", "Rettelse: mødet sluttede kl. 20", true));
    }

    @Test
    void onlyTheCoordinatorRunsTheMeeting() {
        fixture.given(scheduled())
                .when(new AddAgendaItem(MEETING, "lektiecafeen", "a1", "Husorden", null))
                .expectException(RuleViolationException.class).expectNoEvents();
        setUp();
        fixture.given(scheduled())
                .when(new RecordAttendance(MEETING, "lektiecafeen", "lektiecafeen", List.of("kasserer")))
                .expectException(RuleViolationException.class).expectNoEvents();
        setUp();
        fixture.given(councilInSession())
                .when(new OpenVote(MEETING, "lektiecafeen", "v1", "a1", "Husorden", Majority.SIMPLE, 0.5, 3, false))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void aRoomIsAskedForInAPartnersNameOneAtATimeAndRoomBookingsAnswersAreRecordedOnce() {
        MeetingRoomRequested asked = new MeetingRoomRequested(MEETING, "c1", "b1", "motalavej-salen", HUS, "Husrådsmøde december", NOW,
                NOW.plus(Duration.ofHours(2)), MEMBERS.size());
        fixture.given(scheduled())
                .when(new RequestMeetingRoom(MEETING, HUS, "b1", " motalavej-salen ", HUS))
                .expectEvents(asked);
        fixture.given(scheduled(), asked)
                .when(new RequestMeetingRoom(MEETING, HUS, "b2", "motalavej-koekken", HUS))
                .expectException(RuleViolationException.class);
        fixture.given(scheduled(), asked)
                .when(new RecordRoomAnswer(MEETING, "b1", RoomStatus.CONFIRMED, null))
                .expectEvents(new MeetingRoomAnswered(MEETING, "b1", RoomStatus.CONFIRMED, null));
        fixture.given(scheduled(), asked, new MeetingRoomAnswered(MEETING, "b1", RoomStatus.CONFIRMED, null))
                .when(new RecordRoomAnswer(MEETING, "b1", RoomStatus.CONFIRMED, null))
                .expectNoEvents();
        // An answer about a booking the meeting no longer waits on is not the meeting's.
        fixture.given(scheduled(), asked, new MeetingRoomAnswered(MEETING, "b1", RoomStatus.REFUSED, "TIME_TAKEN"),
                        new MeetingRoomRequested(MEETING, "c1", "b2", "motalavej-koekken", HUS, "Husrådsmøde december", NOW,
                                NOW.plus(Duration.ofHours(2)), MEMBERS.size()))
                .when(new RecordRoomAnswer(MEETING, "b1", RoomStatus.CONFIRMED, null))
                .expectNoEvents();
        // Refused or cancelled, the meeting may ask again.
        fixture.given(scheduled(), asked, new MeetingRoomAnswered(MEETING, "b1", RoomStatus.CANCELLED, "ROOM_UNAVAILABLE"))
                .when(new RequestMeetingRoom(MEETING, HUS, "b3", "motalavej-koekken", "lektiecafeen"))
                .expectEvents(new MeetingRoomRequested(MEETING, "c1", "b3", "motalavej-koekken", "lektiecafeen", "Husrådsmøde december", NOW,
                        NOW.plus(Duration.ofHours(2)), MEMBERS.size()));
    }

    @Test
    void onlyTheCoordinatorAsksForARoomForAPartnerOfTheCollaborationAndTheMeetingMustHaveAnEnd() {
        fixture.given(scheduled())
                .when(new RequestMeetingRoom(MEETING, "lektiecafeen", "b1", "motalavej-salen", "lektiecafeen"))
                .expectException(RuleViolationException.class);
        fixture.given(scheduled())
                .when(new RequestMeetingRoom(MEETING, HUS, "b1", "motalavej-salen", "fremmed-forening"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("must be one of the collaboration's partners"));
        fixture.given(new MeetingScheduled(MEETING, "c1", HUS, MeetingType.HOUSE_COUNCIL, "Husrådsmøde december", NOW, null, "Salen", MEMBERS,
                        MEMBERS))
                .when(new RequestMeetingRoom(MEETING, HUS, "b1", "motalavej-salen", HUS))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is needed to book a room"));
    }
}
