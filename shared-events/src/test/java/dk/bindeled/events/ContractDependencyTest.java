package dk.bindeled.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The public contract stays plain Java: no framework, and nothing of the services. */
@AnalyzeClasses(packages = "dk.bindeled.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractDependencyTest {

    @ArchTest
    static final ArchRule noFrameworks = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule nothingOfOurs = noClasses().should().dependOnClassesThat(
            resideInAPackage("dk.bindeled..").and(DescribedPredicate.not(resideInAPackage("dk.bindeled.events.."))));
}
