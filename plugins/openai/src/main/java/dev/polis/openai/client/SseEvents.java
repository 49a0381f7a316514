package dev.polis.openai.client;

/**
 * Assembles server-sent events from lines: {@code data:} lines are joined with newlines, an empty line ends
 * an event, comment lines ({@code :keep-alive}) and other fields ({@code event:}, {@code id:}, {@code retry:})
 * are ignored.
 */
final class SseEvents {

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** Takes one line; returns the data of the event it completes, or {@code null} when no event is complete. */
    String accept(String line) {
        if (line.isEmpty()) {
            return flush();
        }
        if (line.startsWith(":")) {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        if (!field.equals("data")) {
            return null;
        }
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
        return null;
    }

    /** Returns the data of an event the body ended without an empty line after, or {@code null}. */
    String flush() {
        if (!hasData) {
            return null;
        }
        String event = data.toString();
        data.setLength(0);
        hasData = false;
        return event;
    }
}
