package dev.polis.core.calls;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import dev.polis.api.InvalidInputException;
import dev.polis.api.chat.ChatModel;
import dev.polis.api.chat.ChatModelProvider;
import dev.polis.api.chat.ModelRequest;
import dev.polis.api.chat.ModelSpec;
import org.pf4j.Extension;

/**
 * Provides the {@code replay} model: {@code replay:runs/r1/calls.jsonl} answers a run's requests with the
 * responses recorded in that file, so any run can be re-executed exactly.
 *
 * <p>Everything after {@code replay:} is the path (a {@code #} in it is part of the path). Options from a
 * configuration block: {@code lane} (the metadata label that keeps concurrent agents apart, default
 * {@code agent}) and {@code recordedSpec} (replay only calls recorded for this model spec, when a run used
 * several models). The matching rule is described on {@link ReplayChatModel}.
 */
@Extension
public final class ReplayChatModelProvider implements ChatModelProvider {

    /** The provider id, the part of the spec before {@code :}. */
    public static final String ID = "replay";

    /**
     * Returns the recording a {@code replay:} spec names.
     *
     * @throws InvalidInputException when the spec names no file
     */
    static Path recording(ModelSpec spec) {
        String location = spec.model().isEmpty() ? spec.location() : spec.location() + "#" + spec.model();
        if (location.isBlank()) {
            throw new InvalidInputException("model spec '" + spec + "' names no recording; write "
                    + "replay:<path to calls.jsonl>, for example replay:runs/r1/calls.jsonl");
        }
        return Path.of(location.strip());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Answers with the responses of a recorded calls.jsonl, failing on the first request that differs";
    }

    @Override
    public Set<String> capabilities() {
        return Set.of("streaming", "deterministic");
    }

    @Override
    public ChatModel create(ModelRequest request) {
        ModelSpec spec = request.spec();
        Path file = recording(spec);
        String location = file.toString();
        List<CallRecord> records = CallRecords.read(file);
        Object filter = spec.options().get("recordedSpec");
        if (filter != null) {
            String wanted = SpecRedaction.redact(ModelSpec.parse(String.valueOf(filter))).toString();
            records = records.stream().filter(r -> r.spec().equals(wanted)).toList();
            if (records.isEmpty()) {
                throw new InvalidInputException("recordedSpec: " + file + " holds no call recorded for '" + wanted
                        + "'; recorded specs: " + String.join(", ", CallRecords.read(file).stream()
                        .map(CallRecord::spec).distinct().toList()));
            }
        }
        String lane = String.valueOf(spec.options().getOrDefault("lane", "agent"));
        return new ReplayChatModel(ID + ":" + location, records, lane);
    }
}
