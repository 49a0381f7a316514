package dev.polis.govsim.text;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environment's sentences of one scenario, rendered from a {@link PromptPack}: the pool before the harvest,
 * the universalization hint, an agent's own harvest, the Mayor's report, the agreed-limit memory and the newcomer
 * experiment's goals.
 */
public final class GameTexts {

    private static final Map<String, GameTexts> BUILT_IN = new ConcurrentHashMap<>();

    private final PromptPack pack;
    private final String scenarioId;

    /** Creates the texts of scenario {@code scenarioId} ({@code fishery}, {@code pasture}, {@code pollution}). */
    public GameTexts(PromptPack pack, String scenarioId) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.scenarioId = Objects.requireNonNull(scenarioId, "scenarioId");
    }

    /** Returns the built-in texts of scenario {@code scenarioId}. */
    public static GameTexts builtIn(String scenarioId) {
        return BUILT_IN.computeIfAbsent(scenarioId, id -> new GameTexts(PromptPack.builtIn(), id));
    }

    /** Returns the pack the texts come from. */
    public PromptPack pack() {
        return pack;
    }

    /** Returns the observation that opens a harvest: how much there is before anyone takes. */
    public String pool(int pool) {
        return render("pool", Map.of("pool", pool));
    }

    /** Returns the observation an agent gets about its own harvest: what it asked for and what it received. */
    public String outcome(String name, int wanted, int received) {
        return render("outcome", Map.of("name", name, "wanted", wanted, "received", received));
    }

    /** Returns the opening of the Mayor's monthly report. */
    public String reportOpening() {
        return render("report-opening", Map.of());
    }

    /** Returns one line of the Mayor's report: what one person actually received. */
    public String reportLine(String name, int received) {
        return render("report-line", Map.of("name", name, "received", received));
    }

    /** Returns the universalization hint for a per-person threshold. */
    public String universalization(int threshold) {
        return render("universalization", Map.of("threshold", threshold));
    }

    /** Returns the memory every agent keeps when the group agreed on a per-person limit. */
    public String agreedLimit(int limit) {
        return render("agreed-limit", Map.of("limit", limit));
    }

    /** Returns the goal of a local named {@code name} in the newcomer experiment. */
    public String localGoal(String name) {
        return render("goal-local", Map.of("name", name));
    }

    /** Returns the goal of the newcomer named {@code name}. */
    public String newcomerGoal(String name) {
        return render("goal-newcomer", Map.of("name", name));
    }

    private String render(String name, Map<String, ?> values) {
        return pack.template(scenarioId, name).render(values).strip();
    }
}
