package dev.polis.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class DoctorCheckCompatibilityKitTest {

    @Test
    void aDiskCheckThatWarnsWithAdvicePasses() {
        assertThat(KitRunner.failures(Disk.class)).isEmpty();
    }

    @Test
    void aCheckThatThrowsOrReturnsNothingFails() {
        assertThat(KitRunner.failures(Throwing.class)).containsOnlyKeys("runNeverThrows", "runReturnsAResult");
    }

    @Test
    void aCheckThatFailsWithoutAdviceOrWithABlankSummaryFails() {
        assertThat(KitRunner.failures(Vague.class)).containsOnlyKeys("summaryIsOneLineThatIsNotBlank",
                "aResultThatDidNotPassSaysWhatToDo");
    }

    /** Reports free disk space: enough passes, little warns with advice. */
    @org.pf4j.Extension
    record DiskCheck(long freeGib) implements DoctorCheck {
        @Override
        public String id() {
            return "test.disk";
        }

        @Override
        public CheckResult run() {
            return freeGib >= 10 ? CheckResult.pass(freeGib + " GiB free")
                    : CheckResult.warn(freeGib + " GiB free (less than 10)", "free some space for model checkpoints");
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Disk extends DoctorCheckCompatibilityKit {
        @Override
        protected DoctorCheck createCheck() {
            return new DiskCheck(100);
        }

        @Override
        protected List<DoctorCheck> situations() {
            return List.of(new DiskCheck(100), new DiskCheck(2));
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Throwing extends Disk {
        @Override
        protected List<DoctorCheck> situations() {
            return List.of(new DiskCheck(100), check(() -> {
                throw new IllegalStateException("no disk");
            }), check(() -> null));
        }
    }

    @ExtendWith(KitRunner.OnlyHere.class)
    static class Vague extends Disk {
        @Override
        protected List<DoctorCheck> situations() {
            return List.of(new DiskCheck(2), check(() -> CheckResult.fail("disk\nfull", "")),
                    check(() -> CheckResult.pass(" ")));
        }
    }

    /** Returns a check with id {@code test.disk} whose run() is {@code run}. */
    private static DoctorCheck check(Supplier<CheckResult> run) {
        return new DoctorCheck() {
            @Override
            public String id() {
                return "test.disk";
            }

            @Override
            public CheckResult run() {
                return run.get();
            }
        };
    }
}
