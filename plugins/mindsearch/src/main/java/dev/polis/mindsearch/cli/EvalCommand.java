package dev.polis.mindsearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;
import dev.polis.mindsearch.eval.EvalSystem;
import dev.polis.mindsearch.eval.QaFile;
import dev.polis.mindsearch.eval.QaItem;
import dev.polis.mindsearch.eval.QuestionScore;
import dev.polis.mindsearch.eval.SummaryTable;
import dev.polis.mindsearch.eval.SystemSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis mindsearch eval}: runs MindSearch and/or the paper's baselines on every question of a QA file, each
 * question recorded in its own run folder as {@code ask} records it, resumable, and prints and writes
 * ({@code eval.json}) each system's answer scores, search effort, citation precision and wall time.
 */
@Command(name = "eval", description = {
    "Evaluates MindSearch and its baselines on a QA file (JSON lines: id, question, answers, supporting): exact"
        + " match and token F1 against the gold answers, planner turns, nodes, searches, documents surfaced and read,"
        + " model calls, citation precision and wall time. Re-running the same command skips answered questions.",
    "Example: polis mindsearch eval dev.jsonl --index docs-index --model openai:http://127.0.0.1:11434/v1#qwen2.5:7b"
        + " --systems mindsearch,react,no-search"})
final class EvalCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    MindSearchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QA_FILE", description = "the questions, one JSON object a line")
    Path qaFile;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--corpus", paramLabel = "DIR", description = "the same as --index")
    Path corpus;

    @Option(names = "--system", paramLabel = "mindsearch|no-search|react",
            description = "the system to evaluate (default: mindsearch)")
    String system;

    @Option(names = "--systems", paramLabel = "LIST", split = ",",
            description = "several systems, comma-separated, evaluated one after the other, e.g. mindsearch,react,no-search")
    List<String> systems;

    @Option(names = "--eval-id", paramLabel = "ID", description = "the eval's folder under -o (default: eval-<QA file name>)")
    String evalId;

    @Override
    public Integer call() throws IOException {
        List<EvalSystem> chosen = systems();
        List<QaItem> items = QaFile.read(qaFile);
        if (corpus != null) {
            if (options.index != null && !options.index.equals(corpus)) {
                throw new InvalidInputException("--corpus " + corpus + " and --index " + options.index
                        + " disagree; give one of them");
            }
            options.index = corpus;
        }
        QuestionRunner runner = options.runner(parent.services());
        String id = evalId != null ? evalId : "eval-" + qaFile.getFileName().toString().replaceAll("\\.[^.]*$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
        if (!QaFile.ID.matcher(id).matches()) {
            throw new InvalidInputException("--eval-id '" + id + "' is not a plain folder name; use letters, digits,"
                    + " '.', '_' and '-'");
        }
        Path folder = options.output.resolve(id);
        checkSameEval(folder, runner);
        PrintWriter err = spec.commandLine().getErr();
        err.println("polis mindsearch eval: " + items.size() + " question(s) from " + qaFile + ", systems "
                + chosen.stream().map(EvalSystem::id).toList() + ", records in " + folder);
        List<SystemSummary> summaries = new ArrayList<>();
        List<QuestionScore> all = new ArrayList<>();
        EvalRunner eval = new EvalRunner(runner, folder, err);
        for (EvalSystem s : chosen) {
            List<QuestionScore> scores = eval.run(s, items);
            all.addAll(scores);
            summaries.add(SystemSummary.of(s.id(), scores));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("qaFile", qaFile.toAbsolutePath().normalize().toString());
        summary.put("model", runner.model());
        summary.put("backend", runner.backendId());
        summary.put("questions", items.size());
        summary.put("systems", summaries);
        summary.put("scores", all);
        EvalRunner.write(folder.resolve("eval.json"), summary);
        PrintWriter out = spec.commandLine().getOut();
        out.print(SummaryTable.render(summaries));
        out.println("summary: " + folder.resolve("eval.json"));
        out.flush();
        return 0;
    }

    private List<EvalSystem> systems() {
        if (system != null && systems != null) {
            throw new InvalidInputException("give --system or --systems, not both");
        }
        if (systems == null) {
            return List.of(EvalSystem.of("--system", system == null ? "mindsearch" : system));
        }
        Set<EvalSystem> out = new LinkedHashSet<>();
        for (String s : systems) {
            if (!out.add(EvalSystem.of("--systems", s))) {
                throw new InvalidInputException("--systems names '" + s + "' twice");
            }
        }
        return List.copyOf(out);
    }

    /** Refuses to resume an eval folder that another QA file, model or backend wrote. */
    private void checkSameEval(Path folder, QuestionRunner runner) throws IOException {
        Path manifest = folder.resolve("eval-config.json");
        Map<String, String> now = Map.of("qaFile", qaFile.toAbsolutePath().normalize().toString(),
                "model", runner.model(), "backend", runner.backendId());
        if (Files.isRegularFile(manifest)) {
            JsonNode before = JSON.readTree(manifest.toFile());
            for (Map.Entry<String, String> e : now.entrySet()) {
                if (!e.getValue().equals(before.path(e.getKey()).asText())) {
                    throw new InvalidInputException("the eval folder " + folder + " holds an eval of another "
                            + e.getKey() + " ('" + before.path(e.getKey()).asText() + "', now '" + e.getValue()
                            + "'); give a new --eval-id, or delete that folder to start again");
                }
            }
            return;
        }
        EvalRunner.write(manifest, new LinkedHashMap<>(new java.util.TreeMap<>(now)));
    }
}
