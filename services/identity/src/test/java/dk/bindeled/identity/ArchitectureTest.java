package dk.bindeled.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Users and clients know nothing of the web or of Spring Security; only config wires things together. */
@AnalyzeClasses(packages = "dk.bindeled.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses()
            .that().resideInAPackage("..identity.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..identity.config..",
                    "..identity.web..", "..identity.token..", "..identity.keys..");

    @ArchTest
    static final ArchRule nothingDependsOnConfig = noClasses()
            .that().resideInAnyPackage("..identity.domain..", "..identity.web..", "..identity.token..", "..identity.keys..")
            .should().dependOnClassesThat().resideInAPackage("..identity.config..");

    @ArchTest
    static final ArchRule theWebOnlyShowsPages = noClasses()
            .that().resideInAPackage("..identity.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..identity.token..", "..identity.keys..");
}
