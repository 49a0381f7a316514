package dev.polis.govsim.protocol;

import java.util.Locale;
import dev.polis.govsim.text.GameTexts;

/**
 * Says which of the three commons is played and holds the words the environment and the prompts use for it.
 *
 * <p>The three scenarios share their dynamics exactly; only the wording differs. The environment's observations
 * (pool level, own catch, the mayor's report, the universalization hint and the agreed-limit memory) are texts of
 * the prompt pack ({@link GameTexts}); the sentence methods here give the built-in wording. Prompts are the
 * agent's business and may use the nouns.
 */
public enum Scenario {
    /** Fishers share a lake of fish. */
    FISHERY("fishery", "lake", "fisherman", "fishermen", "tons of fish", "catch"),
    /** Shepherds share a pasture; each flock of sheep eats one hectare of grass a month. */
    PASTURE("pasture", "pasture", "shepherd", "shepherds", "hectares of grass", "take to the pasture"),
    /** Factory owners share a river; each pallet of widgets uses one percent of its unpolluted water. */
    POLLUTION("pollution", "factory", "factory owner", "factory owners", "% of unpolluted water", "produce");

    private final String id;
    private final String location;
    private final String actor;
    private final String actors;
    private final String resourceUnit;
    private final String verb;

    Scenario(String id, String location, String actor, String actors, String resourceUnit, String verb) {
        this.id = id;
        this.location = location;
        this.actor = actor;
        this.actors = actors;
        this.resourceUnit = resourceUnit;
        this.verb = verb;
    }

    /** Returns the short id ({@code fishery}, {@code pasture}, {@code pollution}); the environment id is {@code govsim.<id>}. */
    public String id() {
        return id;
    }

    /** Returns the harvest location the original names its phase after ({@code lake}, {@code pasture}, {@code factory}). */
    public String location() {
        return location;
    }

    /** Returns the noun for one participant ({@code fisherman}). */
    public String actor() {
        return actor;
    }

    /** Returns the noun for several participants ({@code fishermen}). */
    public String actors() {
        return actors;
    }

    /** Returns the unit of the shared resource as written after a number ({@code tons of fish}, {@code % of unpolluted water}). */
    public String resourceUnit() {
        return resourceUnit;
    }

    /** Returns the verb for taking from the commons ({@code catch}, {@code take to the pasture}, {@code produce}). */
    public String verb() {
        return verb;
    }

    /** Writes an amount of the resource, {@code 10 tons of fish}, {@code 10 hectares of grass}, {@code 10% of unpolluted water}. */
    public String amount(int units) {
        return this == POLLUTION ? units + resourceUnit : units + " " + resourceUnit;
    }

    /** Returns the built-in observation that opens a harvest (file {@code <scenario>/pool.txt}). */
    public String poolSentence(int pool) {
        return texts().pool(pool);
    }

    /** Returns the built-in observation of an agent's own harvest (file {@code <scenario>/outcome.txt}). */
    public String outcomeSentence(String name, int wanted, int received) {
        return texts().outcome(name, wanted, received);
    }

    /** Returns the built-in opening of the mayor's report (file {@code <scenario>/report-opening.txt}). */
    public String reportOpening() {
        return texts().reportOpening();
    }

    /** Returns one built-in line of the mayor's report (file {@code <scenario>/report-line.txt}). */
    public String reportLine(String name, int received) {
        return texts().reportLine(name, received);
    }

    /**
     * Returns the built-in universalization hint for a per-person threshold {@code f} (file
     * {@code <scenario>/universalization.txt}); the fishery's keeps the original's phrase {@code more than F tons}.
     */
    public String universalizationSentence(int f) {
        return texts().universalization(f);
    }

    /** Returns the built-in agreed-limit memory (file {@code <scenario>/agreed-limit.txt}). */
    public String agreedLimitSentence(int limit) {
        return texts().agreedLimit(limit);
    }

    /** Returns the built-in texts of this scenario; a run's prompt pack may replace any of them. */
    public GameTexts texts() {
        return GameTexts.builtIn(id);
    }

    /**
     * Finds a scenario by id, environment id or the original's names ({@code fishing}, {@code sheep}).
     *
     * @throws IllegalArgumentException when nothing matches
     */
    public static Scenario parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        if (key.startsWith("govsim.")) {
            key = key.substring("govsim.".length());
        }
        return switch (key) {
            case "fishery", "fishing", "fish", "lake" -> FISHERY;
            case "pasture", "sheep", "grass" -> PASTURE;
            case "pollution", "factory", "river" -> POLLUTION;
            default -> throw new IllegalArgumentException("unknown scenario '" + text
                    + "' (known: fishery, pasture, pollution)");
        };
    }
}
