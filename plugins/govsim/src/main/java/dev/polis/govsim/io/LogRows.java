package dev.polis.govsim.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import java.nio.file.Path;

/**
 * Reads the numbers of an original {@code log_env.json} row strictly: a missing, non-numeric, fractional or negative
 * value is an input error naming the file, the row (1-based, as the n-th element of the JSON array) and the field.
 *
 * <p>Whole numbers written as {@code 10.0} are accepted: pandas writes the harvesting columns as floats when the
 * same column is empty in the utterance rows.
 */
final class LogRows {

    private final Path file;

    LogRows(Path file) {
        this.file = file;
    }

    /** Returns the non-negative whole number in {@code field} of row {@code row}. */
    int count(JsonNode node, int row, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw error(row, node, field, "is missing");
        }
        if (!value.isNumber()) {
            throw error(row, node, field, "is " + value + ", not a number");
        }
        double number = value.asDouble();
        if (number != Math.rint(number) || number < 0 || number > Integer.MAX_VALUE) {
            throw error(row, node, field, "is " + value + ", not a whole number of units from 0 up");
        }
        return (int) number;
    }

    /** Returns the round of row {@code row} (0-based month), which every row must have. */
    int round(JsonNode node, int row) {
        return count(node, row, "round");
    }

    /** Returns an input error about {@code field} of row {@code row}. */
    InvalidInputException error(int row, JsonNode node, String field, String problem) {
        String action = node.path("action").asText("");
        String agent = node.path("agent_id").asText("");
        return new InvalidInputException(file + ": row " + row + (action.isEmpty() ? "" : " (" + action
                + (agent.isEmpty() ? "" : " of " + agent) + ")") + ": field '" + field + "' " + problem
                + "; fix or remove the row (a harvesting row needs round, agent_id, resource_in_pool_before_harvesting,"
                + " resource_in_pool_after_harvesting, wanted_resource and resource_collected as whole numbers)");
    }
}
