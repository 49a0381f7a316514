package dev.polis.api;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.pf4j.ExtensionPoint;

/** Keeps the API small and light: no package cycle, and nothing beyond the JDK, pf4j's marker and apiguardian. */
class ArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.polis.api");

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.polis.api.(**)").should().beFreeOfCycles().check(API);
    }

    @Test
    void theApiDependsOnTheJdkPf4jsMarkerAndApiguardianOnly() {
        classes().that().resideInAPackage("dev.polis.api..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("dev.polis.api..", "java..", "org.apiguardian..")
                        .or(equivalentTo(ExtensionPoint.class)))
                .check(API);
    }
}
