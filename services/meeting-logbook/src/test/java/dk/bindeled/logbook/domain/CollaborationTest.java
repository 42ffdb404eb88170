package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.domain.NotFoundException;
import dk.bindeled.events.logbook.v1.CoCreationPhase;
import dk.bindeled.events.logbook.v1.CollaborationForm;
import dk.bindeled.events.partner.v1.TargetGroup;
import dk.bindeled.logbook.api.Commands.AdvanceCoCreationPhase;
import dk.bindeled.logbook.api.Commands.ChangeCollaborationForm;
import dk.bindeled.logbook.api.Commands.Goal;
import dk.bindeled.logbook.api.Commands.Participant;
import dk.bindeled.logbook.api.Commands.Person;
import dk.bindeled.logbook.api.Commands.ReviseGoals;
import dk.bindeled.logbook.api.Commands.Role;
import dk.bindeled.logbook.api.Commands.StartCollaboration;
import dk.bindeled.logbook.api.Events.CoCreationPhaseReached;
import dk.bindeled.logbook.api.Events.CollaborationFormChanged;
import dk.bindeled.logbook.api.Events.CollaborationStarted;
import dk.bindeled.logbook.api.Events.GoalsRevised;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A co-creation track in Ringkøbing-Skjern with the Somali and Arabic-speaking groups and their resident ambassadors. */
class CollaborationTest {

    static final String ID = "c1";
    static final String LIBRARY = "biblioteket-ringkoebing-skjern";
    static final String SOMALI = "somalisk-kvindegruppe";
    static final String ARABIC = "arabisk-talende-gruppe";
    static final Person COORDINATOR = new Person(LIBRARY, "Anne Sørensen", "bibliotekar");
    static final List<Participant> PARTNERS = List.of(new Participant(LIBRARY, Role.LEAD), new Participant(SOMALI, Role.PARTICIPANT),
            new Participant(ARABIC, Role.PARTICIPANT));

    private AggregateTestFixture<Collaboration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Collaboration.class);
    }

    static StartCollaboration start(CollaborationForm form, boolean track) {
        return new StartCollaboration(ID, LIBRARY, "Biblioteket på somali og arabisk", "Flere borgere bruger biblioteket", form,
                List.of(TargetGroup.ETHNIC_MINORITIES), COORDINATOR, PARTNERS, track);
    }

    static CollaborationStarted started() {
        return new CollaborationStarted(ID, "Biblioteket på somali og arabisk", "Flere borgere bruger biblioteket", CollaborationForm.SAMSKABE,
                List.of(TargetGroup.ETHNIC_MINORITIES), COORDINATOR, PARTNERS, CoCreationPhase.START_UP);
    }

    @Test
    void aCoCreationTrackStartsAtStartUpAndOnlyAsSamskabe() {
        fixture.givenNoPriorActivity().when(start(CollaborationForm.SAMSKABE, true)).expectEvents(started());
        fixture.givenNoPriorActivity().when(start(CollaborationForm.VIDENDELE, true))
                .expectException(InvalidInputException.class).expectNoEvents();
    }

    @Test
    void aCollaborationNeedsALeadPartnerItsCoordinatorAmongThePartnersAndIsStartedByOne() {
        fixture.givenNoPriorActivity()
                .when(new StartCollaboration(ID, LIBRARY, "T", "P", CollaborationForm.SAMVIRKE, List.of(), COORDINATOR,
                        List.of(new Participant(LIBRARY, Role.PARTICIPANT)), false))
                .expectException(InvalidInputException.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("LEAD")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new StartCollaboration(ID, LIBRARY, "T", "P", CollaborationForm.SAMVIRKE, List.of(), new Person("andre", "X", null), PARTNERS, false))
                .expectException(InvalidInputException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new StartCollaboration(ID, "udenforstaaende", "T", "P", CollaborationForm.SAMVIRKE, List.of(), COORDINATOR, PARTNERS, false))
                .expectException(RuleViolationException.class).expectNoEvents();
    }

    @Test
    void theFormChangesWithAReasonAndTheHistoryKeepsWhatItWas() {
        fixture.given(started())
                .when(new ChangeCollaborationForm(ID, LIBRARY, CollaborationForm.SAMORDNE, "Grupperne planlægger nu selv arrangementerne"))
                .expectEvents(new CollaborationFormChanged(ID, CollaborationForm.SAMSKABE, CollaborationForm.SAMORDNE,
                        "Grupperne planlægger nu selv arrangementerne"));
        fixture.given(started())
                .when(new ChangeCollaborationForm(ID, SOMALI, CollaborationForm.SAMORDNE, "Ønske"))
                .expectException(RuleViolationException.class).expectNoEvents();
        fixture.given(started())
                .when(new ChangeCollaborationForm(ID, "udenforstaaende", CollaborationForm.SAMORDNE, "Ønske"))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void goalsAreRevisedAsNewVersionsEachWithASuccessCriterion() {
        List<Goal> first = List.of(new Goal("Flere besøgende fra grupperne", "50 lån om måneden på somali og arabisk"));
        fixture.given(started())
                .when(new ReviseGoals(ID, LIBRARY, first))
                .expectEvents(new GoalsRevised(ID, 1, first));
        fixture.given(started(), new GoalsRevised(ID, 1, first))
                .when(new ReviseGoals(ID, LIBRARY, List.of(new Goal("Flere besøgende", " "))))
                .expectException(InvalidInputException.class).expectNoEvents();
        List<Goal> second = List.of(new Goal("Flere besøgende fra grupperne", "80 lån om måneden"), new Goal("Egne ambassadører", "4 ambassadører"));
        fixture.given(started(), new GoalsRevised(ID, 1, first))
                .when(new ReviseGoals(ID, LIBRARY, second))
                .expectEvents(new GoalsRevised(ID, 2, second));
    }

    @Test
    void theTrackMovesOnePhaseAtATime() {
        fixture.given(started())
                .when(new AdvanceCoCreationPhase(ID, LIBRARY, CoCreationPhase.OBSERVATIONS_AND_RESEARCH))
                .expectEvents(new CoCreationPhaseReached(ID, CoCreationPhase.START_UP, CoCreationPhase.OBSERVATIONS_AND_RESEARCH));
        fixture.given(started())
                .when(new AdvanceCoCreationPhase(ID, LIBRARY, CoCreationPhase.CO_CREATION_1))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("next phase is OBSERVATIONS_AND_RESEARCH"))
                .expectNoEvents();
        fixture.given(new CollaborationStarted(ID, "T", "P", CollaborationForm.SAMVIRKE, List.of(), COORDINATOR, PARTNERS, null))
                .when(new AdvanceCoCreationPhase(ID, LIBRARY, CoCreationPhase.OBSERVATIONS_AND_RESEARCH))
                .expectException(RuleViolationException.class).expectNoEvents();
    }
}
