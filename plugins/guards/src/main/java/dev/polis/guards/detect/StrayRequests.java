package dev.polis.guards.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.polis.guards.policy.Requests;
import dev.polis.guards.policy.Words;

/**
 * Finds requests in a document that have nothing to do with the document: a question or an imperative addressed to
 * whoever reads it whose subject words appear nowhere else in it ("What is the difference between == and === in
 * JavaScript?" in an e-mail about a debit card). The instruction hierarchy calls such an instruction in tool output
 * misaligned, whatever it asks; a request about the document's own matter ("Could you send the signed invoice?" in an
 * e-mail about an invoice) shares its words and is not one.
 */
final class StrayRequests {

    /** A sentence that asks: a question, or an imperative verb first (after "please", "can you", ...). */
    private static final Pattern REQUEST = Requests.IMPERATIVE;

    private static final int LEAST_SENTENCES = 3;
    private static final int LEAST_OWN_STEMS = 2;
    private static final int LEAST_OTHER_STEMS = 8;

    private StrayRequests() {
    }

    /** Returns the indices of the sentences of a document that are requests sharing no subject word with the rest. */
    static Set<Integer> in(List<String> sentences) {
        if (sentences.size() < LEAST_SENTENCES) {
            return Set.of();
        }
        List<Matcher> requests = new ArrayList<>();
        boolean any = false;
        for (String s : sentences) {
            Matcher request = REQUEST.matcher(s.strip());
            boolean found = request.find();
            requests.add(found ? request : null);
            any |= found;
        }
        if (!any) {
            return Set.of(); // most documents ask nothing: no words to compare
        }
        List<Set<String>> stems = new ArrayList<>();
        for (String s : sentences) {
            stems.add(Words.subjectStems(s));
        }
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i).strip();
            Matcher request = requests.get(i);
            if (request == null) {
                continue;
            }
            // what it asks about, without the verb that asks ("compose" is no subject shared with "compost")
            Set<String> own = Words.subjectStems(request.start() == 0 ? sentence.substring(request.end()) : sentence);
            if (own.size() < LEAST_OWN_STEMS) {
                continue;
            }
            Set<String> others = new HashSet<>();
            for (int j = 0; j < sentences.size(); j++) {
                if (j != i) {
                    others.addAll(stems.get(j));
                }
            }
            if (others.size() >= LEAST_OTHER_STEMS && Words.shared(own, others).isEmpty()) {
                out.add(i);
            }
        }
        return planted(out, sentences.size()) ? out : Set.of();
    }

    /**
     * Returns whether the stray requests look planted: one block of consecutive sentences, at most a quarter of the
     * document (or one sentence). A document of many unrelated questions (a quiz sheet, a survey) is a list, not a
     * document with an instruction slipped in.
     */
    private static boolean planted(Set<Integer> strays, int sentences) {
        if (strays.isEmpty()) {
            return false;
        }
        int first = strays.stream().min(Integer::compare).orElseThrow();
        int last = strays.stream().max(Integer::compare).orElseThrow();
        return last - first + 1 == strays.size() && strays.size() <= Math.max(1, sentences / 4);
    }
}
