package dev.polis.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polis.api.InvalidInputException;

/**
 * The trainer's bookkeeping saved with every checkpoint as {@value #FILE} (the optimizer moments go beside it in
 * {@value #OPTIMIZER}): steps done, tokens seen, the options (recipe and its settings included), the corpus
 * fingerprint and the last validation loss. Randomness needs no saved generator: batches and dropout draws are
 * derived from {@code options.seed} and the step ({@link StepRandom}).
 *
 * @param step           optimizer steps completed
 * @param tokens         training tokens consumed
 * @param options        the run's options
 * @param corpusTokens   the corpus size in tokens
 * @param corpusHash     the corpus fingerprint
 * @param validationLoss the last validation loss, or NaN
 * @param seconds        training seconds so far
 */
record TrainerState(long step, long tokens, TrainingOptions options, long corpusTokens, long corpusHash,
                    double validationLoss, double seconds) {

    /** The state file's name in a checkpoint folder. */
    static final String FILE = "trainer-state.json";
    /** The optimizer moments' file name in a checkpoint folder. */
    static final String OPTIMIZER = "optimizer.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    /** Writes this state into {@code folder}. */
    void write(Path folder) {
        try {
            JSON.writeValue(folder.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE), e);
        }
    }

    /** Reads the state in {@code folder}. */
    static TrainerState read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(folder + " holds no " + FILE + "; it is not a training checkpoint");
        }
        try {
            return JSON.readValue(file.toFile(), TrainerState.class);
        } catch (IOException e) {
            throw new InvalidInputException(file + " is not a readable trainer state: " + e.getMessage(), e);
        }
    }
}
