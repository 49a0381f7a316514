package dev.polis.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the host's packages free of cycles, so each can be read, tested and replaced on its own. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.polis.core");

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.polis.core.(**)").should().beFreeOfCycles().check(CORE);
    }
}
