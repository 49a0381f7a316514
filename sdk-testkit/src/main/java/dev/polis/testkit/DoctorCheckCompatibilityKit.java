package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * Checks the contract of a {@link DoctorCheck}: {@code run()} never throws but reports problems as results,
 * always returns one, sums up what it found in one line, and says what to do whenever it did not pass.
 *
 * <p>Supply the check through {@link #createCheck()}. A check's outcome depends on the machine, so override
 * {@link #situations()} to hand the kit one check set up for each outcome it can report (a device present, a
 * device missing): every result is then held to the contract, not only the one this machine gives.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public abstract class DoctorCheckCompatibilityKit extends ExtensionCompatibilityKit<DoctorCheck> {

    /** Returns a new instance of the check under test. */
    protected abstract DoctorCheck createCheck();

    @Override
    protected final DoctorCheck createExtension() {
        return createCheck();
    }

    /** Returns checks set up for each outcome the check can report; only {@link #createCheck()} unless overridden. */
    protected List<DoctorCheck> situations() {
        return List.of(createCheck());
    }

    @Test
    public void runNeverThrows() {
        for (DoctorCheck check : situations()) {
            assertThatCode(check::run).as("run() of %s must report a problem as a failing result, not throw",
                    check.id()).doesNotThrowAnyException();
        }
    }

    @Test
    public void runReturnsAResult() {
        for (DoctorCheck check : situations()) {
            runQuietly(check).ifPresent(result ->
                    assertThat(result.value()).as("result of %s.run()", check.id()).isNotNull());
        }
    }

    @Test
    public void summaryIsOneLineThatIsNotBlank() {
        for (CheckResult result : results()) {
            assertThat(result.summary()).as("summary of a %s result", result.status()).isNotBlank()
                    .doesNotContain("\n").doesNotContain("\r");
        }
    }

    @Test
    public void aResultThatDidNotPassSaysWhatToDo() {
        for (CheckResult result : results()) {
            if (result.status() != CheckResult.Status.PASS) {
                assertThat(result.advice()).as("advice of the %s result '%s'", result.status(), result.summary())
                        .isNotBlank();
            }
        }
    }

    /** Returns the results of every situation that returned one; throwing and null are reported by other tests. */
    private List<CheckResult> results() {
        List<CheckResult> results = new ArrayList<>();
        for (DoctorCheck check : situations()) {
            runQuietly(check).map(Ran::value).filter(Objects::nonNull).ifPresent(results::add);
        }
        return results;
    }

    private static Optional<Ran> runQuietly(DoctorCheck check) {
        try {
            return Optional.of(new Ran(check.run()));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** What one {@code run()} returned, possibly {@code null}. */
    private record Ran(CheckResult value) {
    }
}
