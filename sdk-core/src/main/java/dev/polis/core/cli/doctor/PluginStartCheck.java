package dev.polis.core.cli.doctor;

import java.util.List;
import dev.polis.api.diagnostics.CheckResult;
import dev.polis.api.diagnostics.DoctorCheck;
import dev.polis.core.plugin.PluginReport;

/**
 * Checks that every plugin the host found also started, and lists the failed ones with their reasons; warns about
 * started plugins in which the host found no extension (usually a missing {@code @Extension}).
 *
 * @param reports the host's report on every plugin it saw
 */
public record PluginStartCheck(List<PluginReport> reports) implements DoctorCheck {

    /** Copies the list. */
    public PluginStartCheck {
        reports = List.copyOf(reports);
    }

    /** Returns whether {@code report} is a started plugin (not the class path) in which the host found nothing. */
    public static boolean startedEmpty(PluginReport report) {
        return !report.failed() && report.extensions().isEmpty() && !"classpath".equals(report.id());
    }

    @Override
    public String id() {
        return "plugins";
    }

    @Override
    public CheckResult run() {
        List<String> failed = reports.stream()
                .filter(PluginReport::failed)
                .map(report -> report.id() + ": " + report.failure().orElseThrow())
                .toList();
        if (!failed.isEmpty()) {
            return CheckResult.fail(failed.size() + " of " + reports.size() + " plugins failed: "
                    + String.join("; ", failed),
                    "fix or remove the failing plugins; 'polis plugins' shows where each was loaded from");
        }
        if (reports.isEmpty()) {
            return CheckResult.pass("no plugins to start");
        }
        List<String> empty = reports.stream().filter(PluginStartCheck::startedEmpty).map(PluginReport::id).toList();
        if (!empty.isEmpty()) {
            return CheckResult.warn(empty.size() + " started plugins supply no extension: " + String.join(", ", empty),
                    "annotate each extension class with @org.pf4j.Extension and check that the plugin's jar holds "
                            + "META-INF/extensions.idx listing it");
        }
        return CheckResult.pass(reports.size() + " plugins started: "
                + String.join(", ", reports.stream().map(PluginReport::id).toList()));
    }
}
