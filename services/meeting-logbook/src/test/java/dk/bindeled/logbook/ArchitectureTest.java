package dk.bindeled.logbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by role, as in the other services: the rules know nothing of how they are delivered or stored. */
@AnalyzeClasses(packages = "dk.bindeled.logbook", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNothingOfDeliveryOrStorage = noClasses().that().resideInAPackage("..logbook.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..logbook.web..", "..logbook.integration..", "..logbook.query..",
                    "..logbook.config..", "org.springframework..", "org.apache.kafka..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule apiIsPlainMessages = noClasses().that().resideInAPackage("..logbook.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..logbook.domain..", "..logbook.web..", "..logbook.integration..",
                    "..logbook.query..", "..logbook.config..", "org.springframework..");
}
