package dev.polis.runtime.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import dev.polis.api.InvalidInputException;

/**
 * A byte-level tokenized corpus split into a training part and a held-out part that training never reads.
 *
 * <p>Token ids are the bytes (0–255, as in the byte-level tokenizer {@code polis model init} writes); documents are
 * shuffled with the run's seed and joined with the end-of-sequence token between them. The held-out part is the
 * tail of that stream ({@code heldoutFraction} of it, at least {@code minHeldout} tokens), starting at a document
 * boundary when one lies near the cut, so no document is shared between the parts whenever there are several.
 */
final class Corpus {

    private final char[] tokens;
    private final int cut;
    private final int documents;
    private final int[] trainingStarts;
    private final long fingerprint;

    private Corpus(char[] tokens, int cut, int documents, int[] trainingStarts) {
        this.tokens = tokens;
        this.cut = cut;
        this.documents = documents;
        this.trainingStarts = trainingStarts;
        long h = 1125899906842597L;
        for (char c : tokens) {
            h = 31 * h + c;
        }
        this.fingerprint = h ^ cut;
    }

    /** Tokenizes and splits {@code documents}; {@code eos} separates documents. */
    static Corpus of(List<byte[]> documents, int eos, long seed, double heldoutFraction, int minHeldout,
                     int minTraining) {
        if (eos < 256 || eos > Character.MAX_VALUE) {
            throw new InvalidInputException("the tokenizer's end-of-sequence id " + eos + " is not a special token "
                    + "after the 256 byte ids; polis model train needs the byte-level tokenizer of polis model init");
        }
        List<byte[]> shuffled = new ArrayList<>(documents);
        Collections.shuffle(shuffled, new Random(seed));
        long length = 0;
        for (byte[] d : shuffled) {
            length += d.length + 1L;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("the corpus is too large (" + length + " tokens); lower --corpus-limit");
        }
        char[] tokens = new char[(int) length];
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        for (byte[] d : shuffled) {
            starts.add(at);
            for (byte b : d) {
                tokens[at++] = (char) (b & 0xFF);
            }
            tokens[at++] = (char) eos;
        }
        int heldout = (int) Math.max(minHeldout, Math.round(length * heldoutFraction));
        int cut = tokens.length - heldout;
        for (int s : starts) {
            if (s >= cut && s - cut < heldout / 2) {
                cut = s;
                break;
            }
        }
        if (cut < minTraining) {
            throw new InvalidInputException("the corpus has " + tokens.length + " tokens, too few for a held-out part"
                    + " of " + heldout + " and training windows of " + minTraining + " tokens; give more text");
        }
        int finalCut = cut;
        int[] trainingStarts = starts.stream().mapToInt(Integer::intValue).filter(s -> s < finalCut).toArray();
        return new Corpus(tokens, cut, shuffled.size(), trainingStarts);
    }

    /** Returns every token. */
    char[] tokens() {
        return tokens;
    }

    /** Returns how many tokens, from the start, training may read. */
    int trainingLength() {
        return cut;
    }

    /** Returns the first held-out token's index; held-out tokens run to the end. */
    int heldoutStart() {
        return cut;
    }

    /** Returns the number of held-out tokens. */
    int heldoutLength() {
        return tokens.length - cut;
    }

    /**
     * Returns the index of the first token of the training document that holds token {@code position} (a position
     * inside the training part).
     */
    int documentStart(int position) {
        int at = java.util.Arrays.binarySearch(trainingStarts, position);
        return trainingStarts[at >= 0 ? at : -at - 2];
    }

    /** Returns the number of documents. */
    int documents() {
        return documents;
    }

    /** Returns a hash of the tokens and the split, so a resumed run can check it reads the same corpus. */
    long fingerprint() {
        return fingerprint;
    }
}
