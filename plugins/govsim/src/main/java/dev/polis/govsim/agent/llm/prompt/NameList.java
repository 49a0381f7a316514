package dev.polis.govsim.agent.llm.prompt;

import java.util.List;

/** Writes a list of names as English prose: {@code Kate}, {@code Kate and Jack}, {@code Kate, Jack and Emma}. */
final class NameList {

    private NameList() {
    }

    static String join(List<String> names) {
        return switch (names.size()) {
            case 0 -> "";
            case 1 -> names.getFirst();
            default -> String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        };
    }
}
