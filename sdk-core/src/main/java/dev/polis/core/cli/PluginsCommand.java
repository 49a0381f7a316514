package dev.polis.core.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polis.api.host.LoadedExtension;
import dev.polis.core.cli.doctor.PluginStartCheck;
import dev.polis.core.plugin.PluginReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Implements {@code polis plugins}: lists the plugins found, their state, their extensions and why any failed. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the plugins found, their state, the extensions they supply and why any failed.")
final class PluginsCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--json", description = "Print the list as JSON, for scripts.")
    private boolean json;

    PluginsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        List<PluginReport> reports = context.host().reports();
        if (json) {
            printJson(reports);
        } else {
            printTable(reports);
        }
        return ExitCodes.OK;
    }

    private void printTable(List<PluginReport> reports) {
        PrintWriter out = context.out();
        out.println("Plugin folders: " + String.join(", ", context.pluginDirs().stream().map(PluginsCommand::describe).toList()));
        if (reports.isEmpty()) {
            out.println("No plugins found. Put plugin zips into one of these folders, or add one with --plugins-dir <dir>.");
            return;
        }
        TextTable table = new TextTable("ID", "VERSION", "STATE", "EXTENSIONS");
        List<String> failures = new ArrayList<>();
        for (PluginReport report : reports) {
            String extensions = report.extensions().isEmpty() ? "-" : String.join(", ", report.extensions());
            table.row(report.id(), report.version().isEmpty() ? "-" : report.version(), report.state(), extensions);
            report.failure().ifPresent(reason -> failures.add(report.id() + ": " + reason));
        }
        table.print(out);
        printExtensions(reports);
        List<String> empty = reports.stream().filter(PluginStartCheck::startedEmpty).map(PluginReport::id).toList();
        if (!empty.isEmpty()) {
            out.println();
            out.println("Warning: started plugins without any extension: " + String.join(", ", empty)
                    + ". Annotate each extension class with @org.pf4j.Extension (pf4j lists only annotated classes "
                    + "in META-INF/extensions.idx).");
        }
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failed plugins:");
            failures.forEach(line -> out.println("  " + line));
        }
    }

    /** Prints every extension with its rank (which wins when configuration names none) and capabilities. */
    private void printExtensions(List<PluginReport> reports) {
        TextTable table = new TextTable("EXTENSION", "PLUGIN", "RANK", "CAPABILITIES", "DESCRIPTION");
        boolean any = false;
        for (PluginReport report : reports) {
            for (LoadedExtension<?> extension : context.host().extensionsOf(report.id())) {
                table.row(extension.type().getSimpleName() + ":" + extension.id(), report.id(),
                        String.valueOf(extension.rank()), capabilities(extension), extension.description());
                any = true;
            }
        }
        if (any) {
            context.out().println();
            table.print(context.out());
        }
    }

    private static String capabilities(LoadedExtension<?> extension) {
        return extension.capabilities().isEmpty() ? "-"
                : String.join(",", extension.capabilities().stream().sorted().toList());
    }

    private static List<Map<String, Object>> details(List<LoadedExtension<?>> extensions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LoadedExtension<?> extension : extensions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", extension.type().getSimpleName());
            entry.put("id", extension.id());
            entry.put("rank", extension.rank());
            entry.put("capabilities", extension.capabilities().stream().sorted().toList());
            entry.put("description", extension.description());
            list.add(entry);
        }
        return list;
    }

    private void printJson(List<PluginReport> reports) throws JsonProcessingException {
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (PluginReport report : reports) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", report.id());
            entry.put("version", report.version());
            entry.put("state", report.state());
            entry.put("path", report.path());
            entry.put("extensions", report.extensions());
            entry.put("extensionDetails", details(context.host().extensionsOf(report.id())));
            entry.put("failure", report.failure().orElse(null));
            plugins.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("pluginDirs", context.pluginDirs().stream().map(Path::toString).toList());
        document.put("plugins", plugins);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        context.out().println(mapper.writeValueAsString(document));
    }

    private static String describe(Path dir) {
        return Files.isDirectory(dir) ? dir.toString() : dir + " (missing)";
    }
}
