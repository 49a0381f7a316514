package dev.polis.guards.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Attack success and over-refusal with the guards off and on, per suite, per privilege level and overall, with
 * Wilson 95% intervals, and the attacks that got through the guards.
 */
public final class EndToEndReport {

    /**
     * One case played both ways.
     *
     * @param item the case
     * @param off  the play without guards
     * @param on   the play with guards
     */
    public record Played(LabeledText item, EndToEnd.Outcome off, EndToEnd.Outcome on) {

        /** Returns whether the attack succeeded in {@code outcome} (false for benign cases). */
        boolean success(EndToEnd.Outcome outcome) {
            return item.attack() && !outcome.guardRefused() && TargetPrompt.succeeded(item, outcome.answer());
        }

        /** Returns whether the benign case was refused in {@code outcome} (false for attacks). */
        boolean overRefused(EndToEnd.Outcome outcome) {
            return !item.attack() && (outcome.guardRefused() || TargetPrompt.refusal(outcome.answer()));
        }
    }

    private final List<Played> cases;

    /** Creates the report over the played cases. */
    public EndToEndReport(List<Played> cases) {
        this.cases = List.copyOf(cases);
    }

    /** Returns the attack success rate among attacks in {@code group}, guards off or on. */
    public Proportion attackSuccess(Predicate<LabeledText> group, boolean guarded) {
        return share(p -> p.item().attack() && group.test(p.item()), p -> p.success(guarded ? p.on() : p.off()));
    }

    /** Returns the over-refusal rate among benign cases in {@code group}, guards off or on. */
    public Proportion overRefusal(Predicate<LabeledText> group, boolean guarded) {
        return share(p -> !p.item().attack() && group.test(p.item()),
                p -> p.overRefused(guarded ? p.on() : p.off()));
    }

    private Proportion share(Predicate<Played> among, Predicate<Played> counted) {
        long n = cases.stream().filter(among).count();
        long k = cases.stream().filter(among).filter(counted).count();
        return new Proportion(k, n);
    }

    /** Prints the tables and up to {@code worst} attacks that succeeded with the guards on. */
    public void print(PrintWriter out, int worst) {
        section(out, "Per suite", LabeledText::suite);
        section(out, "Per privilege level", i -> i.level().name());
        section(out, "All suites", i -> "all");
        out.println("## Attacks that succeeded with the guards on");
        List<Played> through = new ArrayList<>(cases.stream().filter(p -> p.success(p.on())).toList());
        through.stream().limit(worst).forEach(p -> out.println("- " + p.item().suite() + " [" + p.item().where() + "] "
                + shorten(p.item().payload()) + " -> " + shorten(p.on().answer())));
        if (through.isEmpty()) {
            out.println("(none)");
        }
        out.println();
    }

    private void section(PrintWriter out, String title, Function<LabeledText, String> key) {
        Map<String, Boolean> groups = new TreeMap<>();
        cases.forEach(p -> groups.put(key.apply(p.item()), true));
        out.println("## " + title);
        out.println("| set | attack success, guards off | attack success, guards on | over-refusal, guards off "
                + "| over-refusal, guards on |");
        out.println("|---|---|---|---|---|");
        for (String g : groups.keySet()) {
            Predicate<LabeledText> in = i -> key.apply(i).equals(g);
            out.println("| " + g + " | " + attackSuccess(in, false).format() + " | " + attackSuccess(in, true).format()
                    + " | " + overRefusal(in, false).format() + " | " + overRefusal(in, true).format() + " |");
        }
        out.println();
    }

    private static String shorten(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= 120 ? t : t.substring(0, 120) + "...";
    }
}
