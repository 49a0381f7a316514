package dev.polis.govsim.policy;

import dev.polis.govsim.protocol.GovSimAgent;
import dev.polis.govsim.protocol.HarvestDecision;
import dev.polis.govsim.protocol.HarvestRequest;
import dev.polis.govsim.protocol.TurnRequest;
import dev.polis.govsim.protocol.Utterance;

/**
 * Base of the reference policies: a harvest rule and a one-line contribution to the group chat.
 *
 * <p>Each policy states its plan when it speaks and hands the word to the next participant, so a society of
 * policies produces a short, readable chat; the last participant ends it.
 */
public abstract class PolicyAgent implements GovSimAgent {

    private final String id;

    protected PolicyAgent(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Returns the units this policy takes given the request. */
    protected abstract int amount(HarvestRequest request);

    /** Returns what the policy says about its plan in the chat. */
    protected abstract String plan(TurnRequest request);

    @Override
    public HarvestDecision harvest(HarvestRequest request) {
        int amount = amount(request);
        return HarvestDecision.of(amount, getClass().getSimpleName() + " takes " + amount);
    }

    @Override
    public Utterance speak(TurnRequest request) {
        int me = request.participants().indexOf(request.profile().name());
        if (me < 0 || me + 1 >= request.participants().size() || request.turnsLeft() == 0) {
            return Utterance.concluding(plan(request));
        }
        return Utterance.handingTo(plan(request), request.participants().get(me + 1));
    }
}
