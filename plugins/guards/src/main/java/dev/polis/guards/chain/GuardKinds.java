package dev.polis.guards.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import dev.polis.api.InvalidInputException;
import dev.polis.api.guard.Guard;

/** The guards a chain may name, by id: {@code injection}, {@code leak}, {@code spotlight}. */
public final class GuardKinds {

    private static final Map<String, Function<BlockSettings, Guard>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("injection", InjectionGuard::from);
        KINDS.put("leak", LeakGuard::from);
        KINDS.put("spotlight", SpotlightGuard::from);
    }

    private GuardKinds() {
    }

    /** Returns a guard of kind {@code id} from {@code block}; an unknown id is an error naming {@code setting}. */
    public static Guard create(String id, BlockSettings block, String setting) {
        Function<BlockSettings, Guard> kind = KINDS.get(id);
        if (kind == null) {
            throw new InvalidInputException(setting + ": unknown guard '" + id + "' (known: "
                    + String.join(", ", KINDS.keySet()) + ")");
        }
        return kind.apply(block);
    }
}
