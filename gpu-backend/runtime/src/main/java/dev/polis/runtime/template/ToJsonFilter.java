package dev.polis.runtime.template;

import java.util.Map;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

/** The {@code tojson} filter as Hugging Face defines it for chat templates (Python's {@code json.dumps}). */
final class ToJsonFilter implements Filter {

    @Override
    public String getName() {
        return "tojson";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return PythonJson.write(value, args.length > 0 ? Integer.parseInt(args[0].trim()) : -1);
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        Object indent = kwargs.containsKey("indent") ? kwargs.get("indent") : args.length > 0 ? args[0] : null;
        return PythonJson.write(value, indent instanceof Number n ? n.intValue()
                : indent == null ? -1 : Integer.parseInt(String.valueOf(indent).trim()));
    }
}
