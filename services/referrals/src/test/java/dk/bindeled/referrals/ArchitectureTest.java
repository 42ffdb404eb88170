package dk.bindeled.referrals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by role, and the roles depend on each other in one direction only. */
@AnalyzeClasses(packages = "dk.bindeled.referrals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfDeliveryOrStorage = noClasses().that().resideInAPackage("..referrals.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..referrals.web..", "..referrals.integration..", "..referrals.query..",
                    "..referrals.command..", "..referrals.config..", "org.springframework..", "org.apache.kafka..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule apiIsPlainMessages = noClasses().that().resideInAPackage("..referrals.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..referrals.domain..", "..referrals.web..", "..referrals.integration..",
                    "..referrals.query..", "..referrals.command..", "..referrals.config..", "org.springframework..");

    /** The policies in domain are what queries must agree with; the aggregates themselves stay out of reach. */
    @ArchTest
    static final ArchRule queriesDoNotReachIntoWebIntegrationOrTheAggregates = noClasses().that().resideInAPackage("..referrals.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..referrals.web..", "..referrals.integration..", "..referrals.command..",
                    "..referrals.config..")
            .orShould().dependOnClassesThat().haveSimpleName("Referral")
            .orShould().dependOnClassesThat().haveSimpleName("Resident");

    /**
     * The command side's own tables (the key store) implement the domain's ports; they serve the aggregates' transactions
     * and nothing that delivers.
     */
    @ArchTest
    static final ArchRule commandSideTablesOnlyServeTheDomain = noClasses().that().resideInAPackage("..referrals.command..")
            .should().dependOnClassesThat().resideInAnyPackage("..referrals.web..", "..referrals.integration..", "..referrals.query..",
                    "..referrals.config..")
            .orShould().dependOnClassesThat().haveSimpleName("Referral")
            .orShould().dependOnClassesThat().haveSimpleName("Resident");

    /** Wiring only: no event handler (a projection) and no component of its own in config. */
    @ArchTest
    static final ArchRule configHoldsOnlyWiring = noClasses().that().resideInAPackage("..referrals.config..")
            .should().beAnnotatedWith("org.springframework.stereotype.Component")
            .orShould().beAnnotatedWith("org.axonframework.config.ProcessingGroup");

    @ArchTest
    static final ArchRule webOnlyTalksToCommandsAndQueries = noClasses().that().resideInAPackage("..referrals.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..referrals.integration..", "..referrals.command..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule integrationDoesNotServeHttpOrDecide = noClasses().that().resideInAPackage("..referrals.integration..")
            .should().dependOnClassesThat().resideInAnyPackage("..referrals.web..", "..referrals.query..", "..referrals.domain..",
                    "..referrals.command..");

    /** The keys are the vault's: nothing but the command side touches the Tink implementation or the key table's class. */
    @ArchTest
    static final ArchRule onlyTheVaultKnowsTink = noClasses().that().resideOutsideOfPackage("..referrals.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.crypto.tink..");
}
