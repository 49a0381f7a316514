package dev.polis.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polis.api.InvalidInputException;
import dev.polis.api.inference.TokenConstraint;
import dev.polis.runtime.decode.json.JsonConstraint;
import dev.polis.runtime.decode.json.SchemaCompiler;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.tokenizer.TokenBytes;

/**
 * The JSON-schema constraint {@code polis bench --json-schema} times, built from a schema file and a checkpoint, and
 * counting the time its cursors spend masking and accepting (the constraint's own cost, apart from the model's).
 */
final class BenchConstraint implements TokenConstraint {

    private final TokenConstraint inner;
    private long nanos;
    private long masks;

    private BenchConstraint(TokenConstraint inner) {
        this.inner = inner;
    }

    /** Returns the nanoseconds spent in mask and accept per masked row since the last call, and resets the count. */
    double nanosPerMask() {
        double per = masks == 0 ? 0 : (double) nanos / masks;
        nanos = 0;
        masks = 0;
        return per;
    }

    @Override
    public Cursor start() {
        Cursor cursor = inner.start();
        return new Cursor() {
            @Override
            public void mask(float[] logits) {
                long start = System.nanoTime();
                cursor.mask(logits);
                nanos += System.nanoTime() - start;
                masks++;
            }

            @Override
            public boolean accept(int token) {
                long start = System.nanoTime();
                boolean ok = cursor.accept(token);
                nanos += System.nanoTime() - start;
                return ok;
            }

            @Override
            public int length() {
                return cursor.length();
            }

            @Override
            public void rewind(int length) {
                cursor.rewind(length);
            }

            @Override
            public boolean complete() {
                return cursor.complete();
            }
        };
    }

    /**
     * Returns the constraint of the schema in {@code file} over the tokenizer of checkpoint {@code folder}.
     *
     * @throws InvalidInputException when the file is not a JSON Schema the constrained decoder supports
     */
    static BenchConstraint of(Path file, Path folder, TransformerLm lm) {
        Map<String, Object> schema;
        try {
            schema = new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new InvalidInputException("--json-schema " + file + ": cannot read a JSON object (" + e.getMessage()
                    + ")", e);
        }
        return new BenchConstraint(new JsonConstraint(SchemaCompiler.compile(schema, "--json-schema " + file),
                TokenBytes.read(folder), lm.vocabularySize(), lm.stopTokens()));
    }
}
