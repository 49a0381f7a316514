package dev.polis.runtime.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.IsIterableExpTest;

/**
 * The {@code iterable} test as Jinja2 reads it: strings are iterable too. Llama 3.1's template writes a tool result
 * with {@code tojson} when {@code message.content is iterable}, so a plain text result becomes a JSON string there.
 */
final class IterableTest extends IsIterableExpTest {

    @Override
    public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
        return value instanceof CharSequence || super.evaluate(value, interpreter, args);
    }
}
