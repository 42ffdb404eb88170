package dk.bindeled.staffweb;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house plan for a backend-for-frontend: {@code domain} (who is signed in, the Danish words) is plain Java;
 * {@code integration.out} calls the services and knows no page; {@code web} renders pages from both; only
 * {@code config} wires them.
 */
@AnalyzeClasses(packages = "dk.bindeled.staffweb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses()
            .that().resideInAPackage("..staffweb.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "..staffweb.config..",
                    "..staffweb.web..", "..staffweb.integration..");

    @ArchTest
    static final ArchRule theServiceClientsKnowNoPage = noClasses()
            .that().resideInAPackage("..staffweb.integration..")
            .should().dependOnClassesThat().resideInAnyPackage("..staffweb.web..", "..staffweb.config..", "org.springframework.ui..",
                    "org.springframework.stereotype..");

    @ArchTest
    static final ArchRule nothingDependsOnConfig = noClasses()
            .that().resideInAnyPackage("..staffweb.domain..", "..staffweb.web..", "..staffweb.integration..")
            .should().dependOnClassesThat().resideInAPackage("..staffweb.config..");
}
