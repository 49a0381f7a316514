package dev.polis.lazyllm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis lazyllm corpus}: writes the synthetic retrieval corpus ({@link RetrievalText}), one document per file,
 * for {@code polis model train --corpus <folder>}: interleaved facts and questions, or ({@code --shape quiz})
 * documents shaped like a bench prompt, a context of facts in filler followed by the answered question of each fact,
 * or ({@code --shape repeat}) the same with random strings in place of facts, each written again after the context.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true, description = {
    "Writes the synthetic long-context retrieval corpus (facts K1234, questions ?K) as text files.",
    "Example: polis lazyllm corpus --out corpora/retrieval --documents 3000 --length 1500",
    "         polis lazyllm corpus --out corpora/quiz --shape quiz --length 400 --facts 8 --values symbols"})
public final class CorpusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "<folder>", description = "Folder to write (created).")
    private Path out;

    @Option(names = "--documents", defaultValue = "3000", paramLabel = "<n>",
            description = "Documents (files) to write (default ${DEFAULT-VALUE}).")
    private int documents;

    @Option(names = "--length", defaultValue = "1500", paramLabel = "<bytes>",
            description = "About this many bytes per document (default ${DEFAULT-VALUE}).")
    private int length;

    @Option(names = "--filler", defaultValue = "80", paramLabel = "<bytes>",
            description = "At most this many filler bytes between facts and questions (default ${DEFAULT-VALUE}).")
    private int filler;

    @Option(names = "--questions", defaultValue = "0.333", paramLabel = "<share>",
            description = "Chance that an item is a question of an earlier fact rather than a new fact, in (0, 1) "
                    + "(default ${DEFAULT-VALUE}).")
    private double questions;

    @Option(names = "--shape", defaultValue = "interleaved", paramLabel = "<interleaved|quiz|repeat>",
            description = "interleaved: facts and questions mixed in filler (--filler, --questions); quiz: a context "
                    + "of half --length to --length bytes with 1 to --facts facts spread in filler, as a bench prompt "
                    + "has, then every fact's question and value; repeat: the same context with 1 to --facts random "
                    + "strings of 4-24 key letters and value symbols in place of facts, then every string again "
                    + "(copying at a distance, what a question needs) (default ${DEFAULT-VALUE}).")
    private String shape;

    @Option(names = "--facts", defaultValue = "4", paramLabel = "<n>",
            description = "quiz, repeat: at most this many facts (strings) per document, 1 to 26 (default ${DEFAULT-VALUE}).")
    private int facts;

    @Option(names = "--values", defaultValue = "digits", paramLabel = "<digits|symbols>",
            description = "Values of four digits (1000-9999) or of four characters from 32 digits and signs; polis "
                    + "lazyllm bench --values must match (default ${DEFAULT-VALUE}).")
    private String values;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "<n>", description = "Seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws IOException {
        if (!(questions > 0 && questions < 1)) {
            throw new InvalidInputException("--questions must be a share in (0, 1) but got " + questions);
        }
        if (documents < 1 || length < 20 || filler < 1) {
            throw new InvalidInputException("--documents and --filler must be at least 1 and --length at least 20 "
                    + "(got " + documents + ", " + filler + " and " + length + ")");
        }
        if (!List.of("interleaved", "quiz", "repeat").contains(shape)) {
            throw new InvalidInputException("--shape: '" + shape + "' is not a shape; use interleaved, quiz or "
                    + "repeat");
        }
        if (facts < 1 || facts > 26) {
            throw new InvalidInputException("--facts must be in [1, 26] (one key letter each) but got " + facts);
        }
        ValueAlphabet alphabet = ValueAlphabet.named(values, "--values");
        Files.createDirectories(out);
        SplittableRandom random = new SplittableRandom(seed);
        long bytes = 0;
        for (int d = 0; d < documents; d++) {
            String text = switch (shape) {
                case "quiz" -> RetrievalText.quiz(random, context(random), 1 + random.nextInt(facts), alphabet);
                case "repeat" -> RetrievalText.repeats(random, context(random), 1 + random.nextInt(facts));
                default -> RetrievalText.document(random, length, filler, questions, alphabet);
            };
            Files.writeString(out.resolve(String.format("doc-%06d.txt", d)), text);
            bytes += text.length();
        }
        PrintWriter log = spec.commandLine().getOut();
        log.printf("wrote %d documents, %,d bytes, to %s%n", documents, bytes, out);
        log.flush();
        return 0;
    }

    private int context(SplittableRandom random) {
        return length / 2 + random.nextInt(length - length / 2 + 1);
    }
}
