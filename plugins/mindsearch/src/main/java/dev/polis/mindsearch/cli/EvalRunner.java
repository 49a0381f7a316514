package dev.polis.mindsearch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polis.api.run.RunRecord;
import dev.polis.mindsearch.cite.Citations;
import dev.polis.mindsearch.eval.AnswerScore;
import dev.polis.mindsearch.eval.Baselines;
import dev.polis.mindsearch.eval.CitationCheck;
import dev.polis.mindsearch.eval.EvalSystem;
import dev.polis.mindsearch.eval.QaItem;
import dev.polis.mindsearch.eval.QuestionScore;
import dev.polis.mindsearch.planner.PlannerResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one system on every question of a QA file, each question in its own run folder under
 * {@code <eval folder>/<system>/<id>} as {@code ask} runs it, and scores it into that folder's {@code score.json}
 * as soon as it is answered. A question whose folder holds a {@code score.json} is not run again; one whose folder
 * holds no score (a run cut short) is run again from scratch.
 */
final class EvalRunner {

    static final String SCORE = "score.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final QuestionRunner runner;
    private final Path folder;
    private final PrintWriter progress;

    EvalRunner(QuestionRunner runner, Path folder, PrintWriter progress) {
        this.runner = runner;
        this.folder = folder;
        this.progress = progress;
    }

    /** Returns the scores of {@code system} on {@code items}, running the questions not scored yet. */
    List<QuestionScore> run(EvalSystem system, List<QaItem> items) {
        QuestionRunner here = runner.writingTo(folder.resolve(system.id()));
        List<QuestionScore> scores = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            QaItem item = items.get(i);
            Path run = folder.resolve(system.id()).resolve(item.id());
            String tag = "[" + system.id() + " " + (i + 1) + "/" + items.size() + "] " + item.id();
            QuestionScore score = read(run.resolve(SCORE));
            if (score != null) {
                progress.println(tag + ": answered before, skipped");
            } else {
                deleteTree(run);
                progress.println(tag + ": " + item.question());
                progress.flush();
                score = answer(here, system, item);
                write(run.resolve(SCORE), score);
                progress.println(tag + ": " + (score.complete() ? "answered" : "no answer (" + score.problem() + ")")
                        + String.format(Locale.ROOT, ", EM %.0f, F1 %.2f, %d node(s), %d search(es), %d citation(s),"
                        + " %.1f s", score.exactMatch(), score.f1(), score.nodes(), score.searches(),
                        score.citations(), score.wallSeconds()));
            }
            progress.flush();
            scores.add(score);
        }
        return scores;
    }

    private QuestionScore answer(QuestionRunner here, EvalSystem system, QaItem item) {
        CitationCheck.Result[] citations = {new CitationCheck.Result(0, 0)};
        QuestionRunner.Strategy strategy = (tools, question) -> {
            PlannerResult result = switch (system) {
                case MINDSEARCH -> QuestionRunner.PLANNER.solve(tools, question);
                case NO_SEARCH -> Baselines.noSearch(tools.chat(), tools.settings(), tools.events(), question);
                case REACT -> Baselines.react(tools.searcher(tools.chat()), tools.settings(), tools.events(), question);
            };
            citations[0] = CitationCheck.check(result.answer().references(), item.supporting(), tools.search());
            return result;
        };
        long start = System.nanoTime();
        QuestionRunner.Outcome outcome = here.run(item.id(), item.question(), (type, fields) -> { }, strategy);
        double seconds = (System.nanoTime() - start) / 1e9;
        PlannerResult result = outcome.result();
        String answer = result.complete() ? Citations.rewrite(result.answer().text(), n -> -1).strip() : "";
        Map<String, Double> metrics = RunMetrics.of(result);
        return new QuestionScore(system.id(), item.id(), result.complete(), result.problem(), answer,
                AnswerScore.exactMatch(answer, item.answers()), AnswerScore.f1(answer, item.answers()),
                AnswerScore.contains(answer, item.answers()), result.turns(), count(metrics, "nodes"),
                count(metrics, "failedNodes"), count(metrics, "searches"), count(metrics, "documentsSurfaced"),
                count(metrics, "documentsRead"), calls(outcome.folder()), citations[0].cited(),
                citations[0].supported(), seconds);
    }

    /** Counts the model calls the host recorded in the run's {@code calls.jsonl}. */
    private static int calls(Path run) {
        Path file = run.resolve(RunRecord.CALLS);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int count(Map<String, Double> metrics, String name) {
        return metrics.getOrDefault(name, 0.0).intValue();
    }

    private static QuestionScore read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), QuestionScore.class);
        } catch (IOException e) {
            return null; // a damaged score is answered again
        }
    }

    static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the unfinished run " + dir + ": " + e.getMessage(), e);
        }
    }
}
