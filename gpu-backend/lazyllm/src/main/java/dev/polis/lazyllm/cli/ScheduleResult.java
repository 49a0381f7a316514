package dev.polis.lazyllm.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one (prompt length, schedule) cell of the bench, accumulated prompt by prompt: paired TTFT ratios
 * against the dense model, first-token agreement (over all prompts, and over those whose needle the dense model
 * retrieves), continuation agreement, retrieval accuracy, computed share, and the median of the paired ratios of
 * the whole generation's time (prefill and every decoding step: spec §B.6's overall speed-up).
 */
final class ScheduleResult {

    final String schedule;
    final int length;
    final List<Double> denseTtft = new ArrayList<>();
    final List<Double> lazyTtft = new ArrayList<>();
    final List<Double> ratios = new ArrayList<>();
    final List<Double> generationRatios = new ArrayList<>();
    final List<Double> denseDecode = new ArrayList<>();
    final List<Double> lazyDecode = new ArrayList<>();
    int prompts;
    int firstAgree;
    int firstAgreeRetrieved;
    int identical;
    long agreeingTokens;
    long comparedTokens;
    int denseCorrect;
    int lazyCorrect;
    double computedShare;

    ScheduleResult(String schedule, int length) {
        this.schedule = schedule;
        this.length = length;
    }

    /** Adds one prompt's pair of generations; {@code answer} is the retrieval value. */
    void add(TimedGeneration dense, TimedGeneration lazy, String answer, double share) {
        prompts++;
        denseTtft.add(dense.ttftMillis());
        lazyTtft.add(lazy.ttftMillis());
        ratios.add(dense.ttftMillis() / lazy.ttftMillis());
        generationRatios.add(dense.totalMillis() / lazy.totalMillis());
        denseDecode.add(dense.decodeMillis());
        lazyDecode.add(lazy.decodeMillis());
        int agree = lazy.agreeing(dense);
        firstAgree += agree > 0 ? 1 : 0;
        identical += agree == dense.tokens().length ? 1 : 0;
        for (int i = 0; i < dense.tokens().length; i++) {
            agreeingTokens += lazy.tokens()[i] == dense.tokens()[i] ? 1 : 0;
        }
        comparedTokens += dense.tokens().length;
        boolean retrieved = dense.text().startsWith(answer);
        firstAgreeRetrieved += retrieved && agree > 0 ? 1 : 0;
        denseCorrect += retrieved ? 1 : 0;
        lazyCorrect += lazy.text().startsWith(answer) ? 1 : 0;
        computedShare += share;
    }

    String line(String label) {
        return String.format(Locale.ROOT, "prompt %5d %-26s TTFT dense %8.1f ms, %s %8.1f ms: %.2fx (median of %d "
                        + "paired ratios); first token agrees %d/%d (where dense retrieves %d/%d); continuation "
                        + "identical %d/%d, tokens agree %.1f%%; "
                        + "retrieval dense %d/%d, %s %d/%d; computed %.1f%% of prompt (token, layer) pairs; decode %.1f"
                        + " -> %.1f ms/token; whole generation %.2fx",
                length, label + " " + schedule, median(denseTtft), label, median(lazyTtft), median(ratios), prompts,
                firstAgree, prompts, firstAgreeRetrieved, denseCorrect, identical, prompts,
                100.0 * agreeingTokens / Math.max(1, comparedTokens),
                denseCorrect, prompts, label, lazyCorrect, prompts, 100 * computedShare / Math.max(1, prompts),
                median(denseDecode), median(lazyDecode), median(generationRatios));
    }

    String json(String mode) {
        return String.format(Locale.ROOT, "{\"event\":\"lazyllm.bench\",\"mode\":\"%s\",\"prompt\":%d,\"schedule\":"
                        + "\"%s\",\"prompts\":%d,\"ttftDenseMs\":%.3f,\"ttftLazyMs\":%.3f,\"speedup\":%.4f,"
                        + "\"firstTokenAgreement\":%.4f,\"firstTokenAgreementWhereDenseRetrieves\":%.4f,"
                        + "\"identicalContinuations\":%.4f,\"tokenAgreement\":%.4f,"
                        + "\"retrievalDense\":%.4f,\"retrievalLazy\":%.4f,\"computedShare\":%.4f,"
                        + "\"decodeDenseMs\":%.3f,\"decodeLazyMs\":%.3f,\"generationSpeedup\":%.4f}%n",
                mode, length, schedule, prompts, median(denseTtft), median(lazyTtft), median(ratios),
                (double) firstAgree / prompts, (double) firstAgreeRetrieved / Math.max(1, denseCorrect),
                (double) identical / prompts,
                (double) agreeingTokens / Math.max(1, comparedTokens), (double) denseCorrect / prompts,
                (double) lazyCorrect / prompts, computedShare / prompts, median(denseDecode), median(lazyDecode),
                median(generationRatios));
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
