package dev.polis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where {@link BatchSampler} starts its training windows under each {@link WindowStarts}. */
class BatchSamplerTest {

    private static final int EOS = 257;

    /** Documents of 100, 200, …, 1,200 bytes, each filled with one letter of its own. */
    private static Corpus corpus() {
        List<byte[]> documents = new ArrayList<>();
        for (int d = 0; d < 12; d++) {
            documents.add(String.valueOf((char) ('a' + d)).repeat(100 * (d + 1)).getBytes(StandardCharsets.US_ASCII));
        }
        return Corpus.of(documents, EOS, 3, 0.05, 200, 65);
    }

    @Test
    void documentStartsPutEveryWindowAtTheFirstTokenOfADocument() {
        Corpus corpus = corpus();
        BatchSampler sampler = new BatchSampler(corpus, 8, 64, 5, WindowStarts.DOCUMENTS);
        char[] tokens = corpus.tokens();
        for (long step = 0; step < 300; step++) {
            for (int start : sampler.training(step).starts()) {
                assertThat(start == 0 || tokens[start - 1] == EOS).as("window at %d", start).isTrue();
                assertThat(start + 64 + 1).isLessThanOrEqualTo(corpus.trainingLength());
            }
        }
    }

    @Test
    void documentStartsDrawDocumentsInProportionToTheirLength() {
        Corpus corpus = corpus();
        BatchSampler sampler = new BatchSampler(corpus, 16, 64, 9, WindowStarts.DOCUMENTS);
        Map<Character, Integer> drawn = new HashMap<>();
        int windows = 0;
        for (long step = 0; step < 1000; step++) {
            for (int start : sampler.training(step).starts()) {
                drawn.merge(corpus.tokens()[start], 1, Integer::sum);
                windows++;
            }
        }
        // a document of 100 (d + 1) bytes holds (d + 1) / 78 of the 7,800 document bytes, less the held-out one
        double training = 0;
        for (char c = 'a'; c <= 'l'; c++) {
            training += drawn.containsKey(c) ? 100 * (c - 'a' + 1) : 0;
        }
        for (Map.Entry<Character, Integer> e : drawn.entrySet()) {
            double expected = windows * 100.0 * (e.getKey() - 'a' + 1) / training;
            assertThat((double) e.getValue()).as("document %s", e.getKey()).isBetween(0.8 * expected, 1.2 * expected);
        }
    }

    @Test
    void anywhereStartsCutDocumentsAtRandom() {
        Corpus corpus = corpus();
        BatchSampler sampler = new BatchSampler(corpus, 8, 64, 5, WindowStarts.ANYWHERE);
        char[] tokens = corpus.tokens();
        long inside = 0;
        for (long step = 0; step < 50; step++) {
            for (int start : sampler.training(step).starts()) {
                inside += start > 0 && tokens[start - 1] != EOS ? 1 : 0;
            }
        }
        assertThat(inside).isGreaterThan(350);
    }
}
