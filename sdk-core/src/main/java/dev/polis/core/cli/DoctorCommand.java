package dev.polis.core.cli;

import java.util.List;
import java.util.concurrent.Callable;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.core.cli.doctor.DoctorReport;
import dev.polis.core.cli.doctor.JdkCheck;
import dev.polis.core.cli.doctor.PluginFolderCheck;
import dev.polis.core.cli.doctor.PluginStartCheck;
import dev.polis.core.cli.doctor.RuntimeResourcesCheck;
import dev.polis.core.plugin.PluginHost;
import dev.polis.api.host.LoadedExtension;
import picocli.CommandLine.Command;

/**
 * Implements {@code polis doctor}: checks the Java runtime, the plugin folders and plugins, runs every
 * {@link DoctorCheck} that plugins contribute, and exits with 1 when any check failed.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks that Java, the plugins and what they need are in place; exits with 1 on any FAIL.")
final class DoctorCommand implements Callable<Integer> {

    private final CliContext context;

    DoctorCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DoctorReport report = new DoctorReport();
        JdkCheck jdk = JdkCheck.current();
        report.run(jdk.id(), jdk);
        PluginFolderCheck folders = new PluginFolderCheck(context.pluginDirs());
        report.run(folders.id(), folders);
        PluginHost host = startHost(report);
        if (host != null) {
            PluginStartCheck plugins = new PluginStartCheck(host.reports());
            report.run(plugins.id(), plugins);
            for (LoadedExtension<DoctorCheck> check : extensionChecks(host, report)) {
                report.run(check.id(), check.instance());
            }
        }
        RuntimeResourcesCheck resources = RuntimeResourcesCheck.current();
        report.run(resources.id(), resources);
        report.print(context.out());
        return report.failed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private PluginHost startHost(DoctorReport report) {
        try {
            return context.host();
        } catch (RuntimeException | LinkageError e) {
            report.add("plugins", CheckResult.fail("the plugin host did not start: " + e,
                    "run 'polis --verbose doctor' for details; a plugin zip in one of the folders may be broken"));
            return null;
        }
    }

    private static List<LoadedExtension<DoctorCheck>> extensionChecks(PluginHost host, DoctorReport report) {
        try {
            return host.extensions(DoctorCheck.class);
        } catch (RuntimeException | LinkageError e) {
            report.add("plugin-checks", CheckResult.fail("the plugins' checks could not be listed: " + e,
                    "run 'polis --verbose doctor' for details"));
            return List.of();
        }
    }
}
