package dk.bindeled.booking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by role, and the roles depend on each other in one direction only. */
@AnalyzeClasses(packages = "dk.bindeled.booking", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfDeliveryOrStorage = noClasses().that().resideInAPackage("..booking.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.web..", "..booking.integration..", "..booking.query..",
                    "..booking.config..", "org.springframework..", "org.apache.kafka..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule apiIsPlainMessages = noClasses().that().resideInAPackage("..booking.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.domain..", "..booking.web..", "..booking.integration..",
                    "..booking.query..", "..booking.config..", "org.springframework..");

    @ArchTest
    static final ArchRule queriesDoNotReachIntoWebIntegrationOrTheAggregates = noClasses().that().resideInAPackage("..booking.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.web..", "..booking.integration..", "..booking.config..")
            .orShould().dependOnClassesThat().haveSimpleName("ResourceSchedule")
            .orShould().dependOnClassesThat().haveSimpleName("Centre");

    @ArchTest
    static final ArchRule webOnlyTalksToCommandsAndQueries = noClasses().that().resideInAPackage("..booking.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.integration..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule integrationDoesNotServeHttpOrDecide = noClasses().that().resideInAPackage("..booking.integration..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.web..", "..booking.query..", "..booking.domain..");
}
