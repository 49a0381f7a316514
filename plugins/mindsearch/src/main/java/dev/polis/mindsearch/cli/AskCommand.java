package dev.polis.mindsearch.cli;

import dev.polis.api.InvalidInputException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polis mindsearch ask}: answers one question, printing progress on standard error and the cited answer on
 * standard output, and recording the run (events, model calls, answer) in its folder as it goes.
 */
@Command(name = "ask", description = {
    "Answers a question: a planner model splits it into sub-questions, searchers answer them in parallel over the"
        + " search index with [[n]] citations, and the planner writes the cited final answer.",
    "Example: polis mindsearch ask \"Which river flows through the birthplace of ...?\" --index docs-index"
        + " --model openai:http://127.0.0.1:11434/v1#qwen2.5:7b"})
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    MindSearchCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "the question")
    String question;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--run-id", paramLabel = "ID", description = "the run folder's name (default: ask-<date>-<time>)")
    String runId;

    @Override
    public Integer call() {
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("QUESTION is empty; ask a question, e.g. polis mindsearch ask \"...\"");
        }
        QuestionRunner runner = options.runner(parent.services());
        String id = runId != null ? runId
                : "ask-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        PrintWriter err = spec.commandLine().getErr();
        QuestionRunner.Outcome outcome = runner.run(id, question, new ProgressPrinter(err));
        spec.commandLine().getOut().println(outcome.result().answer().render());
        if (!outcome.result().complete()) {
            err.println("polis mindsearch: " + outcome.result().problem() + "; the partial answer above is in "
                    + outcome.folder().resolve("answer.md"));
            return 1;
        }
        return 0;
    }
}
