package dk.bindeled.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of the service: the web only reads, the read model knows nothing of how it is fed or shown. */
@AnalyzeClasses(packages = "dk.bindeled.dashboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule webDoesNotDependOnIntegration = noClasses()
            .that().resideInAPackage("..dashboard.web..")
            .should().dependOnClassesThat().resideInAPackage("..dashboard.integration..");

    @ArchTest
    static final ArchRule queryDoesNotDependOnWebOrIntegration = noClasses()
            .that().resideInAPackage("..dashboard.query..")
            .should().dependOnClassesThat().resideInAnyPackage("..dashboard.web..", "..dashboard.integration..", "..dashboard.config..");

    @ArchTest
    static final ArchRule integrationDoesNotDependOnWeb = noClasses()
            .that().resideInAPackage("..dashboard.integration..")
            .should().dependOnClassesThat().resideInAPackage("..dashboard.web..");

    @ArchTest
    static final ArchRule onlyTheIntegrationLayerTalksKafka = noClasses()
            .that().resideInAnyPackage("..dashboard.query..", "..dashboard.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule theReadModelIsPlainJdbc = noClasses()
            .that().resideInAPackage("dk.bindeled.dashboard..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule nothingDependsOnConfig = noClasses()
            .that().resideInAnyPackage("..dashboard.web..", "..dashboard.query..", "..dashboard.integration..")
            .should().dependOnClassesThat().resideInAPackage("..dashboard.config..");
}
