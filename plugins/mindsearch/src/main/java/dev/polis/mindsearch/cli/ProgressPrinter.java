package dev.polis.mindsearch.cli;

import dev.polis.api.run.EventSink;
import java.io.PrintWriter;
import java.util.Map;

/** Prints one line per MindSearch event worth seeing while a question is being answered. */
final class ProgressPrinter implements EventSink {

    private final PrintWriter out;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void emit(String type, Map<String, ?> fields) {
        String line = switch (type) {
            case "mindsearch.planner.turn" -> "planner turn " + fields.get("turn");
            case "mindsearch.node.added" -> "  + " + fields.get("node") + ": " + fields.get("question");
            case "mindsearch.search" -> "    " + fields.get("node") + " searched " + fields.get("queries");
            case "mindsearch.select" -> "    " + fields.get("node") + " read " + fields.get("read");
            case "mindsearch.node.done" -> "    " + fields.get("node") + " " + fields.get("status")
                    + (String.valueOf(fields.get("error")).isEmpty() ? "" : ": " + fields.get("error"));
            case "mindsearch.planner.error" -> "  ! " + fields.get("error");
            case "mindsearch.planner.turns-exhausted" -> "planner used all " + fields.get("turns")
                    + " turns; asking for the final answer";
            case "mindsearch.guard" -> "  guard " + fields.get("decision") + " " + fields.get("source") + ": "
                    + fields.get("reason");
            case "mindsearch.error" -> "error: " + fields.get("error");
            default -> null;
        };
        if (line != null) {
            out.println(line);
            out.flush();
        }
    }
}
