package dk.bindeled.partner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by role, and the roles depend on each other in one direction only. */
@AnalyzeClasses(packages = "dk.bindeled.partner", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfDeliveryOrStorage = noClasses().that().resideInAPackage("..partner.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..partner.web..", "..partner.integration..", "..partner.query..",
                    "..partner.config..", "org.springframework.web..", "org.springframework.kafka..", "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule apiIsPlainMessages = noClasses().that().resideInAPackage("..partner.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..partner.domain..", "..partner.web..", "..partner.integration..",
                    "..partner.query..", "org.springframework..");

    @ArchTest
    static final ArchRule queriesDoNotReachIntoWebOrIntegration = noClasses().that().resideInAPackage("..partner.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..partner.web..", "..partner.integration..", "..partner.domain..");

    @ArchTest
    static final ArchRule webOnlyTalksToCommandsAndQueries = noClasses().that().resideInAPackage("..partner.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..partner.integration..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule integrationDoesNotServeHttp = noClasses().that().resideInAPackage("..partner.integration..")
            .should().dependOnClassesThat().resideInAnyPackage("..partner.web..", "..partner.query..", "..partner.domain..");
}
