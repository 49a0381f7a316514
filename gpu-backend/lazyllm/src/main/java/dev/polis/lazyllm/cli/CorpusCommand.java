package dev.polis.lazyllm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis lazyllm corpus}: writes the synthetic retrieval corpus ({@link RetrievalText}), one document per file,
 * for {@code polis model train --corpus <folder>}.
 */
@Command(name = "corpus", mixinStandardHelpOptions = true, description = {
    "Writes the synthetic long-context retrieval corpus (facts K1234, questions ?K) as text files.",
    "Example: polis lazyllm corpus --out corpora/retrieval --documents 3000 --length 1500"})
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
        Files.createDirectories(out);
        SplittableRandom random = new SplittableRandom(seed);
        long bytes = 0;
        for (int d = 0; d < documents; d++) {
            String text = RetrievalText.document(random, length, filler, questions);
            Files.writeString(out.resolve(String.format("doc-%06d.txt", d)), text);
            bytes += text.length();
        }
        PrintWriter log = spec.commandLine().getOut();
        log.printf("wrote %d documents, %,d bytes, to %s%n", documents, bytes, out);
        log.flush();
        return 0;
    }
}
