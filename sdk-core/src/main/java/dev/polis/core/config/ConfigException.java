package dev.polis.core.config;

import java.io.Serial;
import java.util.Optional;
import dev.polis.api.InvalidInputException;

/**
 * Signals a mistake in a configuration file or string, located by source, line, column and field path.
 *
 * <p>The message reads {@code pipeline.yaml:12:5: agents[2]: unknown field 'modle' (did you mean 'model'? ...)}:
 * each part is left out when it is not known (a configuration built in code has no source or line).
 */
public final class ConfigException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient SourcePosition position;
    private final String path;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param source   the file or resource name, or {@code ""} when unknown
     * @param position where in the source, or {@code null} when unknown
     * @param path     the field path ({@code agents[2].model}), or {@code ""} for the whole document
     * @param problem  what is wrong and what would be right
     * @param cause    the underlying failure, or {@code null}
     */
    public ConfigException(String source, SourcePosition position, String path, String problem, Throwable cause) {
        super(format(source, position, path, problem), cause);
        this.source = source == null ? "" : source;
        this.position = position;
        this.path = path == null ? "" : path;
        this.problem = problem;
    }

    /** Creates an exception about the field at {@code path}, located with {@code locations} when possible. */
    public static ConfigException at(String source, SourceLocations locations, String path, String problem) {
        return new ConfigException(source, locations.find(path).orElse(null), path, problem, null);
    }

    /** Returns the file or resource name, or {@code ""}. */
    public String source() {
        return source;
    }

    /** Returns the line and column, when known. */
    public Optional<SourcePosition> position() {
        return Optional.ofNullable(position);
    }

    /** Returns the field path, or {@code ""} for the whole document. */
    public String path() {
        return path;
    }

    /** Returns the problem alone, without source, position or path. */
    public String problem() {
        return problem;
    }

    private static String format(String source, SourcePosition position, String path, String problem) {
        StringBuilder text = new StringBuilder();
        if (source != null && !source.isEmpty()) {
            text.append(source);
            if (position != null) {
                text.append(':').append(position.line()).append(':').append(position.column());
            }
            text.append(": ");
        }
        if (path != null && !path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(problem).toString();
    }
}
