package dev.polis.layerskip.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.polis.api.chat.GenerationSettings;
import dev.polis.api.inference.DecodeRequest;
import dev.polis.api.inference.TokenListener;
import dev.polis.runtime.decode.Argmax;
import dev.polis.runtime.decode.DecodeLoop;
import dev.polis.runtime.model.TransformerSession;

/**
 * Where each early exit agrees with the full model, position by position, on the full model's own greedy text.
 *
 * <p>Greedy self-speculation keeps a draft exactly when the exit's argmax equals the full model's, and the accepted
 * prefix is always the full model's greedy output, so the acceptance events of any (E, d) follow from these
 * agreements: {@link #simulate} replays the rounds without decoding. They are measured in one teacher-forced pass
 * per prompt over the prompt and a greedy continuation, reading every layer's exit, so all exit layers cost one pass.
 */
public final class ExitAgreement {

    private final int depth;
    /** {@code agree[e][i]}: the exit after {@code e} layers (1..L-1) predicts generated token i. */
    private final boolean[][][] agree;

    ExitAgreement(int depth, boolean[][][] agreeByPrompt) {
        this.depth = depth;
        this.agree = agreeByPrompt;
    }

    /**
     * Measures the agreements on {@code prompts}: each gets a greedy continuation of up to {@code tokens} tokens
     * (shorter where the model stops or its context ends).
     */
    public static ExitAgreement measure(LayeredModel model, List<int[]> prompts, int tokens) {
        int depth = model.depth();
        boolean[][][] perExit = new boolean[depth][prompts.size()][];
        for (int p = 0; p < prompts.size(); p++) {
            boolean[][] one = measure(model, prompts.get(p), tokens);
            for (int e = 1; e < depth; e++) {
                perExit[e][p] = one[e];
            }
        }
        return new ExitAgreement(depth, perExit);
    }

    private static boolean[][] measure(LayeredModel model, int[] prompt, int tokens) {
        int room = Math.min(tokens, model.lm().context() - prompt.length);
        int[] generated = room <= 0 ? new int[0] : DecodeLoop.run(model.lm(),
                new DecodeRequest(prompt, GenerationSettings.DEFAULTS.withTemperature(0).withMaxTokens(room), null),
                TokenListener.ignoring(), new Argmax()).tokens();
        int depth = model.depth();
        boolean[][] agree = new boolean[depth][generated.length];
        if (generated.length == 0) {
            return agree;
        }
        // the rows whose predictions are the generated tokens: the last prompt token and all generated but the last
        int[] text = Arrays.copyOf(prompt, prompt.length + generated.length - 1);
        System.arraycopy(generated, 0, text, prompt.length, generated.length - 1);
        int first = prompt.length - 1;
        try (TransformerSession session = model.lm().newSession(1, text.length)) {
            session.step(() -> {
                NDIndex rows = new NDIndex().addAllDim().addSliceDim(first, text.length);
                int[] positions = LayeredModel.positions(0, text.length);
                NDArray h = model.layers().embed(session, new int[][] {text});
                long[][] exits = new long[depth + 1][];
                for (int l = 0; l < depth; l++) {
                    h = model.layers().run(session, h, positions, l, l + 1);
                    exits[l + 1] = model.layers().logits(h.get(rows)).argMax(-1).toLongArray();
                }
                for (int e = 1; e < depth; e++) {
                    for (int i = 0; i < generated.length; i++) {
                        agree[e][i] = exits[e][i] == exits[depth][i];
                    }
                }
                return null;
            });
        }
        return agree;
    }

    /** Returns the number of decoder layers L. */
    public int depth() {
        return depth;
    }

    /** Returns how many generated positions were compared. */
    public int positions() {
        int n = 0;
        for (boolean[] prompt : agree[depth > 1 ? 1 : 0]) {
            n += prompt == null ? 0 : prompt.length;
        }
        return n;
    }

    /** Returns the fraction of positions at which the exit after {@code exitLayer} layers agrees: the per-token α. */
    public double alpha(int exitLayer) {
        long hits = 0;
        long all = 0;
        for (boolean[] prompt : agree[exitLayer]) {
            for (boolean hit : prompt) {
                hits += hit ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) hits / all;
    }

    /**
     * Replays greedy self-speculation with exit {@code exitLayer} and {@code drafts} drafts per round over the
     * measured text: each round drafts d tokens, keeps the agreeing prefix and adds the full model's next token. A
     * last round cut short by the end of the text is left out.
     */
    public Rounds simulate(int exitLayer, int drafts) {
        long rounds = 0;
        long emitted = 0;
        long accepted = 0;
        for (boolean[] prompt : agree[exitLayer]) {
            int i = 0;
            while (i < prompt.length) {
                int m = 0;
                while (m < drafts && i + m < prompt.length && prompt[i + m]) {
                    m++;
                }
                if (m < drafts && i + m == prompt.length) {
                    break; // the text ended before the round did: it would say nothing about (E, d)
                }
                rounds++;
                accepted += m;
                emitted += m + 1;
                i += m + 1;
            }
        }
        return new Rounds(rounds, emitted, accepted, rounds * drafts);
    }

    /** Returns the exit layers measured, 1..L-1. */
    public List<Integer> exits() {
        List<Integer> exits = new ArrayList<>();
        for (int e = 1; e < depth; e++) {
            exits.add(e);
        }
        return exits;
    }

    /**
     * The replayed rounds of one (E, d).
     *
     * @param rounds   rounds run
     * @param emitted  tokens emitted (the text's length, give or take the last round)
     * @param accepted drafts kept
     * @param drafted  drafts made
     */
    public record Rounds(long rounds, long emitted, long accepted, long drafted) {

        /** Returns the mean tokens emitted per round. */
        public double tokensPerRound() {
            return rounds == 0 ? 0 : (double) emitted / rounds;
        }

        /** Returns the acceptance rate Σm / Σk. */
        public double acceptanceRate() {
            return drafted == 0 ? 0 : (double) accepted / drafted;
        }
    }
}
