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
                    "..booking.command..", "..booking.config..", "org.springframework..", "org.apache.kafka..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule apiIsPlainMessages = noClasses().that().resideInAPackage("..booking.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.domain..", "..booking.web..", "..booking.integration..",
                    "..booking.query..", "..booking.command..", "..booking.config..", "org.springframework..");

    /** The policies in domain are what queries must agree with; the aggregates themselves stay out of reach. */
    @ArchTest
    static final ArchRule queriesDoNotReachIntoWebIntegrationOrTheAggregates = noClasses().that().resideInAPackage("..booking.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.web..", "..booking.integration..", "..booking.command..",
                    "..booking.config..")
            .orShould().dependOnClassesThat().haveSimpleName("ResourceSchedule")
            .orShould().dependOnClassesThat().haveSimpleName("Centre");

    /**
     * The command side's own tables (the centre rules it reads, the id locator, the quota ledger, the partner replica as
     * read) implement the domain's ports; they serve the aggregates' transactions and nothing that delivers.
     */
    @ArchTest
    static final ArchRule commandSideTablesOnlyServeTheDomain = noClasses().that().resideInAPackage("..booking.command..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.web..", "..booking.integration..", "..booking.query..",
                    "..booking.config..")
            .orShould().dependOnClassesThat().haveSimpleName("ResourceSchedule")
            .orShould().dependOnClassesThat().haveSimpleName("Centre");

    /** Wiring only: no event handler (a projection) and no component of its own in config. */
    @ArchTest
    static final ArchRule configHoldsOnlyWiring = noClasses().that().resideInAPackage("..booking.config..")
            .should().beAnnotatedWith("org.springframework.stereotype.Component")
            .orShould().beAnnotatedWith("org.axonframework.config.ProcessingGroup");

    @ArchTest
    static final ArchRule webOnlyTalksToCommandsAndQueries = noClasses().that().resideInAPackage("..booking.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.integration..", "..booking.command..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule integrationDoesNotServeHttpOrDecide = noClasses().that().resideInAPackage("..booking.integration..")
            .should().dependOnClassesThat().resideInAnyPackage("..booking.web..", "..booking.query..", "..booking.domain..",
                    "..booking.command..");
}
