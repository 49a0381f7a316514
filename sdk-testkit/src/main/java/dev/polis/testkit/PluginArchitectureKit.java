package dev.polis.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Checks a plugin's main code against the rules every Polis plugin keeps: it reaches the host through sdk-api
 * alone (never {@code dev.polis.core}, the host's implementation), and its packages form no dependency cycle.
 *
 * <p>Extend it in the plugin's tests and name the plugin's root package:
 * <pre>{@code
 * class ArchitectureTest extends PluginArchitectureKit {
 *     @Override
 *     protected String rootPackage() {
 *         return "com.example.commons";
 *     }
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class PluginArchitectureKit {

    /** The host's implementation, which plugins must not see. */
    public static final String HOST_IMPLEMENTATION = "dev.polis.core..";

    /** Returns the plugin's root package; its sub-packages are checked too. */
    protected abstract String rootPackage();

    /** Returns the plugin's main classes (test classes left out). */
    protected JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage());
    }

    @Test
    public void mainCodeReachesTheHostThroughSdkApiOnly() {
        noClasses().that().resideInAPackage(rootPackage() + "..")
                .should().dependOnClassesThat().resideInAPackage(HOST_IMPLEMENTATION)
                .because("plugins compile against polis-sdk-api; inject dev.polis.api.host services "
                        + "(Extensions, Models, SettingsFactory, RunFolders, ProgressDisplay) instead")
                .check(mainClasses());
    }

    @Test
    public void packagesFormNoCycle() {
        slices().matching(rootPackage() + ".(**)").should().beFreeOfCycles()
                .because("a package cycle makes the plugin's parts impossible to understand or reuse one at a time")
                .allowEmptyShould(true) // a plugin of one package has no cycle to find
                .check(mainClasses());
    }
}
