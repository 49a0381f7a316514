package dev.polis.guards.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import dev.polis.api.InvalidInputException;
import dev.polis.api.guard.Guard;

/** The guards a chain may name, by id: {@code injection}, {@code leak}, {@code spotlight}. */
public final class GuardKinds {

    private static final Map<String, BiFunction<BlockSettings, GuardServices, Guard>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("injection", InjectionGuard::from);
        KINDS.put("leak", (block, services) -> LeakGuard.from(block));
        KINDS.put("spotlight", (block, services) -> SpotlightGuard.from(block));
    }

    private GuardKinds() {
    }

    /** Returns a guard of kind {@code id} from {@code block}; an unknown id is an error naming {@code setting}. */
    public static Guard create(String id, BlockSettings block, String setting) {
        return create(id, block, setting, GuardServices.NONE);
    }

    /** Returns a guard of kind {@code id} from {@code block}, with the host's {@code services}. */
    public static Guard create(String id, BlockSettings block, String setting, GuardServices services) {
        BiFunction<BlockSettings, GuardServices, Guard> kind = KINDS.get(id);
        if (kind == null) {
            throw new InvalidInputException(setting + ": unknown guard '" + id + "' (known: "
                    + String.join(", ", KINDS.keySet()) + ")");
        }
        return kind.apply(block, services);
    }
}
