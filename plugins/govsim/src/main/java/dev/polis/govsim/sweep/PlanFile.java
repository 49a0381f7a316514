package dev.polis.govsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.polis.api.InvalidInputException;
import dev.polis.govsim.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A sweep folder's {@code plan.json}: every run of the plan in plan order and the sweep-wide tuning, with a
 * fingerprint (SHA-256 of both), written when a sweep starts so that shards of one plan can be merged and shards
 * of different plans cannot be mixed.
 *
 * @param fingerprint the SHA-256 of the runs and tuning, in hex
 * @param tuning      the choices applied to every run's configuration
 * @param runs        the plan's runs, in plan order
 */
public record PlanFile(String fingerprint, RunTuning tuning, List<RunSpec> runs) {

    /** The file's name in a sweep folder. */
    public static final String NAME = "plan.json";

    /** Copies the list. */
    public PlanFile {
        runs = List.copyOf(runs);
    }

    /** Returns the plan file of {@code plan} run with {@code tuning}. */
    public static PlanFile of(SweepPlan plan, RunTuning tuning) {
        List<RunSpec> runs = plan.runs();
        return new PlanFile(fingerprint(runs, tuning), tuning, runs);
    }

    /** Returns the first 12 hex digits of the fingerprint, as messages show it. */
    public String shortFingerprint() {
        return fingerprint.substring(0, 12);
    }

    /**
     * Reads the plan file of sweep folder {@code folder}, if it has one.
     *
     * @throws InvalidInputException naming the file when it cannot be read as a plan
     */
    public static Optional<PlanFile> read(Path folder) {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PlanFile plan = Json.MAPPER.readValue(file.toFile(), PlanFile.class);
            if (plan.fingerprint() == null || plan.tuning() == null || plan.runs().isEmpty()) {
                throw new IOException("fingerprint, tuning or runs is missing");
            }
            return Optional.of(plan);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + ": not a GovSim sweep plan (" + e.getMessage().lines().findFirst()
                    .orElse("") + "); it is written by polis govsim when a sweep starts: rerun the sweep or remove"
                    + " the file", e);
        }
    }

    /**
     * Records this plan in sweep folder {@code folder} (created if needed). When the folder already holds another
     * plan's file, a shard ({@code strict}) is refused, since its runs would mix with another plan's; a whole sweep
     * replaces it (the folder now holds this plan, as before shards existed).
     *
     * @throws InvalidInputException when {@code strict} and the folder holds another plan
     */
    public void record(Path folder, boolean strict) {
        Optional<PlanFile> existing = read(folder);
        if (existing.isPresent() && existing.get().fingerprint().equals(fingerprint)) {
            return;
        }
        if (existing.isPresent() && strict) {
            throw new InvalidInputException("-o " + folder + ": the folder holds the runs of another sweep plan ("
                    + NAME + " fingerprint " + existing.get().shortFingerprint() + ", this command's "
                    + shortFingerprint() + "); every shard must run the same command (societies, models,"
                    + " experiments, scenarios, seeds, --months, --collapse-rule, --clamp-requests, --prompts);"
                    + " choose another -o for a different plan");
        }
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(NAME + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            Files.move(tmp, folder.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException("-o " + folder + ": cannot write " + NAME + " (" + e.getMessage()
                    + "); choose a folder you may write to", e);
        }
    }

    private static String fingerprint(List<RunSpec> runs, RunTuning tuning) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(new Fingerprinted(runs, tuning));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the plan as JSON: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What the fingerprint covers, in a fixed field order. */
    private record Fingerprinted(List<RunSpec> runs, RunTuning tuning) {
    }
}
