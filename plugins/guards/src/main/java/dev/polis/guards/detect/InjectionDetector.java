package dev.polis.guards.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import dev.polis.api.chat.Privilege;
import dev.polis.guards.policy.Conflict;
import dev.polis.guards.policy.Conflicts;
import dev.polis.guards.policy.Policy;
import dev.polis.guards.text.Normaliser;
import dev.polis.guards.text.ScanText;

/**
 * Scores a text for prompt injection without a large model: normalise, cut into passages, score each passage of
 * each decoded view with the logistic model (rule families are among its features), and keep the worst.
 *
 * <p>Scores come in two tiers. A passage with a strong rule match (in embedded data also a
 * {@link InjectionRules#STRONG_WHEN_EMBEDDED} family) scores {@link #STRONG_FLOOR} plus a tenth of the classifier's
 * probability, in [0.9, 1]; ASCII hidden in tag characters lifts the text to at least the floor. Every other
 * passage scores the classifier's probability, above 0.5 squeezed under {@link #WEAK_CEILING} ({@link #weakTier}).
 * So a text no strong rule marks never outranks one a strong rule marks: the classifier, trained on a few hundred
 * texts, is sure of itself on benign texts full of trigger words ("give me the previous instructions for the recipe
 * again") as often as on attacks, while the strong patterns were written to match moves against the hierarchy only.
 * At the default threshold (0.5) the tiers change no decision; they order the cases that a strict threshold (1%
 * false positives) has to separate. A threshold above 0.5 reads on the squeezed scale (0.7 flags p ≥ 0.756).
 */
public final class InjectionDetector {

    /** The classpath resource holding the shipped model. */
    public static final String MODEL_RESOURCE = "/dev/polis/guards/injection-model.txt";
    /** The least score a strong rule match gives. */
    public static final double STRONG_FLOOR = 0.9;

    /** The highest score of a passage that no strong rule marks: just under {@link #STRONG_FLOOR}. */
    public static final double WEAK_CEILING = 0.89;

    /** Where an uncued user passage's score is capped: just under the usual threshold, in the judge's band. */
    public static final double UNCUED_CAP = 0.45;
    /** The default {@link #uncuedSure}. */
    public static final double DEFAULT_UNCUED_SURE = 0.7;

    private static volatile LogisticModel shipped;

    private final Normaliser normaliser = new Normaliser();
    private final LogisticModel model;
    private final double uncuedSure;

    /** Creates a detector over {@code model}. */
    public InjectionDetector(LogisticModel model) {
        this(model, DEFAULT_UNCUED_SURE);
    }

    /**
     * Creates a detector over {@code model} that takes a user's passage matching no rule family (other than the
     * {@link InjectionRules#TOPICAL} ones) as an attack only when the classifier is at least {@code uncuedSure} sure
     * of it; below, its score is capped at {@link #UNCUED_CAP}. A request from a user with no sign of an override, role switch, extraction or forged
     * marker is a request, however its words look to the n-grams (NotInject's benign prompts are full of trigger
     * words). {@code 1} caps every uncued user passage; {@link #UNCUED_CAP} or less turns the cap off.
     */
    public InjectionDetector(LogisticModel model, double uncuedSure) {
        this.model = Objects.requireNonNull(model, "model");
        this.uncuedSure = uncuedSure;
    }

    /** Returns a detector over the model shipped in this plugin (read once). */
    public static InjectionDetector shipped() {
        return new InjectionDetector(shippedModel());
    }

    /** Returns the model shipped in this plugin (read once). */
    public static LogisticModel shippedModel() {
        LogisticModel m = shipped;
        if (m == null) {
            try (InputStream in = InjectionDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the guards plugin lacks its model " + MODEL_RESOURCE);
                }
                m = LogisticModel.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                        MODEL_RESOURCE);
                shipped = m;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m;
    }

    /** Returns the model this detector scores with. */
    public LogisticModel model() {
        return model;
    }

    /** Returns the detection on {@code text} arriving with {@code privilege}, with no instructions to check against. */
    public Detection detect(String text, Privilege privilege) {
        return detect(new DetectionRequest(text, privilege, Policy.NONE));
    }

    /**
     * Returns the detection on the request's text. A USER (direct) sentence that conflicts with the request's policy
     * (brings up a subject the instructions rule out, asks for the secret, personal data or instructions they
     * protect: {@link Conflicts}) counts as a strong rule match; embedded data is not checked against the policy
     * (a document about a forbidden subject is data, not a request). A USER sentence in which the user revises their
     * own earlier request ("forget the poem, write a haiku instead") loses the override match on the revision's words,
     * and the classifier reads it with and without the revision and keeps the lower probability
     * ({@link OwnRequestRevisions}). A USER passage no rule marks that asks for a piece of creative work naming
     * nothing of the assistant's orders and no secret ("can you write a haiku about the sea?") is capped like an
     * uncued request however sure the classifier is ({@link WorkRequests}).
     */
    public Detection detect(DetectionRequest request) {
        Domain domain = Domain.of(request.privilege());
        Policy policy = domain == Domain.DIRECT ? request.policy() : Policy.NONE;
        ScanText scan = normaliser.prepare(request.text());
        double best = -1;
        String bestPassage = scan.normalised();
        List<RuleHit> bestHits = List.of();
        boolean strong = scan.findings().contains("hidden tag text");
        List<RuleHit> spans = List.of();
        for (int v = 0; v < scan.views().size(); v++) {
            String view = scan.views().get(v);
            Passages.Cut cut = Passages.cut(view);
            List<List<RuleHit>> sentenceHits = new ArrayList<>();
            List<String> read = new ArrayList<>(cut.sentences()); // what the classifier reads of each sentence
            boolean revised = false;
            for (int i = 0; i < cut.sentences().size(); i++) {
                String sentence = cut.sentences().get(i);
                List<RuleHit> hits = withConflicts(sentence, InjectionRules.scan(sentence), policy);
                if (domain == Domain.DIRECT) {
                    OwnRequestRevisions.Revised r = OwnRequestRevisions.apply(sentence, hits);
                    hits = r.hits();
                    if (!r.text().equals(sentence)) {
                        read.set(i, r.text());
                        revised = true;
                    }
                }
                sentenceHits.add(hits);
            }
            if (domain == Domain.EMBEDDED) {
                for (int i : StrayRequests.in(cut.sentences())) {
                    String sentence = cut.sentences().get(i);
                    List<RuleHit> hits = new ArrayList<>(sentenceHits.get(i));
                    hits.add(new RuleHit("stray-request", true, 0, sentence.length(), sentence));
                    sentenceHits.set(i, hits);
                }
            }
            if (v == 0) { // the normalised text itself: the spans an event records
                spans = InjectionRules.offset(sentenceHits, cut.starts());
            }
            for (Passages.Passage passage : cut.passages()) {
                List<RuleHit> hits = hitsOf(passage, sentenceHits);
                double p = model.probability(model.features().of(passage.text(), hits, domain));
                if (revised) { // a revision of the user's own request never makes the passage more suspicious
                    String without = String.join(" ", read.subList(passage.first(), passage.end()));
                    if (!without.equals(passage.text())) {
                        p = Math.min(p, model.probability(model.features().of(without, hits, domain)));
                    }
                }
                boolean strongHere = hits.stream().anyMatch(h -> h.strong() || (domain == Domain.EMBEDDED
                        && InjectionRules.STRONG_WHEN_EMBEDDED.contains(h.rule())));
                strong |= strongHere;
                boolean uncued = domain == Domain.DIRECT && !InjectionRules.cued(hits);
                double score = strongHere ? STRONG_FLOOR + (1 - STRONG_FLOOR) * p
                        : uncued && (p < uncuedSure || WorkRequests.aligned(passage.text(), hits))
                        ? Math.min(p, UNCUED_CAP) : weakTier(p);
                if (score > best) {
                    best = score;
                    bestPassage = passage.text();
                    bestHits = hits;
                }
            }
        }
        double score = strong ? Math.max(best, STRONG_FLOOR) : Math.max(best, 0);
        return new Detection(score, bestPassage, bestHits, scan.findings(), spans);
    }

    /** Returns {@code hits} with the sentence's conflicts with {@code policy} added as strong hits. */
    private static List<RuleHit> withConflicts(String sentence, List<RuleHit> hits, Policy policy) {
        if (policy.isEmpty()) {
            return hits;
        }
        List<RuleHit> all = new ArrayList<>(hits);
        for (Conflict c : Conflicts.scan(sentence, policy)) {
            all.add(new RuleHit(c.family(), true, 0, sentence.length(), c.found()));
        }
        return all;
    }

    /**
     * Returns the score of a passage no strong rule marks: its probability up to 0.5, above it squeezed linearly
     * into (0.5, {@link #WEAK_CEILING}], so that the order among such passages and every decision at 0.5 stay as
     * they were while none reaches the strong tier.
     */
    static double weakTier(double p) {
        return p <= 0.5 ? p : 0.5 + (p - 0.5) * (WEAK_CEILING - 0.5) / 0.5;
    }

    /**
     * Returns the rule hits of a passage as those of its sentences, each scanned once (rules match within a
     * sentence; scanning every overlapping window again would cost three times as much).
     */
    private static List<RuleHit> hitsOf(Passages.Passage passage, List<List<RuleHit>> sentenceHits) {
        if (passage.end() - passage.first() == 1) {
            return sentenceHits.get(passage.first());
        }
        List<RuleHit> hits = new ArrayList<>();
        for (int i = passage.first(); i < passage.end(); i++) {
            hits.addAll(sentenceHits.get(i));
        }
        return hits;
    }
}
