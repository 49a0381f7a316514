package dev.polis.core.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as left-aligned columns separated by two spaces, for command output meant for people. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** Creates a table whose first row is {@code headers}. */
    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /** Adds one row; it must have as many cells as there are headers. */
    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    /** Prints every row; the last column is not padded. */
    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
