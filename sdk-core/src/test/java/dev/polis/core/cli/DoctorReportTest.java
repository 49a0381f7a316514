package dev.polis.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.CheckResult.Status;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.core.cli.doctor.DoctorReport;
import dev.polis.core.cli.doctor.JdkCheck;
import dev.polis.core.cli.doctor.PluginFolderCheck;
import dev.polis.core.cli.doctor.PluginStartCheck;
import dev.polis.core.cli.doctor.RuntimeResourcesCheck;
import dev.polis.core.plugin.PluginReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the doctor's own checks and how the report prints and judges them. */
class DoctorReportTest {

    @TempDir
    Path dir;

    private static String print(DoctorReport report) {
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void oldJavaFailsWithAdvice() {
        CheckResult result = new JdkCheck(17, "17.0.9", "Acme", "/opt/jdk17").run();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("Java 17.0.9 (Acme) at /opt/jdk17");
        assertThat(result.advice()).contains("JDK 21");
    }

    @Test
    void failedPluginsAreListedWithTheirReasons() {
        PluginReport ok = new PluginReport("govsim", "0.1.0", "STARTED", "", List.of(), Optional.empty());
        PluginReport bad = new PluginReport("broken", "1.0", "FAILED", "", List.of(), Optional.of("requires 9.0"));

        CheckResult result = new PluginStartCheck(List.of(ok, bad)).run();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("1 of 2 plugins failed", "broken: requires 9.0");
    }

    @Test
    void aStartedPluginWithoutExtensionsWarnsAboutTheAnnotation() {
        PluginReport ok = new PluginReport("govsim", "0.1.0", "STARTED", "", List.of("AgentProvider:govsim.llm"),
                Optional.empty());
        PluginReport empty = new PluginReport("forgot", "1.0", "STARTED", "", List.of(), Optional.empty());

        CheckResult result = new PluginStartCheck(List.of(ok, empty)).run();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("1 started plugins supply no extension: forgot");
        assertThat(result.advice()).contains("@org.pf4j.Extension");
    }

    @Test
    void startedPluginsWithExtensionsPass() {
        PluginReport ok = new PluginReport("govsim", "0.1.0", "STARTED", "", List.of("AgentProvider:govsim.llm"),
                Optional.empty());

        assertThat(new PluginStartCheck(List.of(ok)).run().status()).isEqualTo(Status.PASS);
    }

    @Test
    void existingEmptyFolderPassesAndMissingOneWarns() {
        assertThat(new PluginFolderCheck(List.of(dir)).run().status()).isEqualTo(Status.PASS);
        assertThat(new PluginFolderCheck(List.of(dir.resolve("absent"))).run().status()).isEqualTo(Status.WARN);
    }

    @Test
    void smallHeapWarns() {
        assertThat(new RuntimeResourcesCheck(4, 256L << 20).run().status()).isEqualTo(Status.WARN);
        assertThat(new RuntimeResourcesCheck(4, 8L << 30).run().summary()).isEqualTo("4 processors, max heap 8.0 GiB");
    }

    @Test
    void throwingCheckBecomesAFailureAndTheReportFails() {
        DoctorReport report = new DoctorReport()
                .add("jdk", CheckResult.pass("Java 25"))
                .run("djl.engine", new DoctorCheck() {
                    @Override
                    public String id() {
                        return "djl.engine";
                    }

                    @Override
                    public CheckResult run() {
                        throw new IllegalStateException("no native library");
                    }
                });

        String text = print(report);

        assertThat(report.failed()).isTrue();
        assertThat(text).containsPattern("PASS +jdk +Java 25")
                .containsPattern("FAIL +djl\\.engine +the check threw java.lang.IllegalStateException: no native library")
                .contains("advice: ", "Checks: 1 ok, 0 warnings, 1 failing.");
    }
}
