package dev.polis.mhmoe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.mhmoe.checkpoint.ExpertTensors;
import dev.polis.mhmoe.checkpoint.MoeBlock;
import dev.polis.mhmoe.layer.ExpertStats;
import dev.polis.mhmoe.layer.MoeConfig;
import dev.polis.mhmoe.layer.MoeLayer;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.model.TransformerLm;
import dev.polis.runtime.seam.CheckpointTensors;
import dev.polis.runtime.seam.FeedForwardSeam;
import org.pf4j.Extension;

/**
 * {@code accelerator.mhmoe}: builds the MH-MoE blocks a checkpoint's config.json ({@code mhmoe} block) and expert
 * tensors describe, checked against each other, and puts them in place of those layers' feed-forward blocks. Its
 * settings block {@code runtime.settings.accelerator.mhmoe} takes {@code capacity_factor} (default 0: no capacity
 * limit at inference, so a token's output does not depend on the others in its batch). Routing metrics of every
 * layer accumulate in {@link #stats()}.
 */
@Extension
public final class MhMoe implements Accelerator {

    /** The accelerator's id. */
    public static final String ID = "accelerator.mhmoe";

    private final List<ExpertStats> stats = new ArrayList<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MH-MoE: multi-head mixture-of-experts feed-forward blocks from the checkpoint's mhmoe block";
    }

    /** Returns the routing metrics of the layers installed, in layer order (empty before install). */
    public synchronized List<ExpertStats> stats() {
        return List.copyOf(stats);
    }

    @Override
    public void install(AcceleratorTarget target, Settings settings) {
        for (String key : settings.asMap().keySet()) {
            if (!key.equals("capacity_factor")) {
                throw new InvalidInputException(ID + ": setting '" + key + "' is unknown (known: capacity_factor)");
            }
        }
        double capacity = settings.doubleValue("capacity_factor", 0);
        if (capacity < 0 || !Double.isFinite(capacity)) {
            throw new InvalidInputException(ID + ": capacity_factor must be >= 0 (0: no limit) but was " + capacity);
        }
        install(target, capacity);
    }

    /**
     * Installs with expert capacity factor {@code capacity} (0: no limit), what {@code polis mhmoe stats} uses.
     *
     * @throws InvalidInputException when the target lacks the runtime's seams, or the checkpoint's mhmoe block and
     *                               tensors do not agree; the message names the setting or tensor
     */
    public void install(AcceleratorTarget target, double capacity) {
        FeedForwardSeam seam = seam(target, FeedForwardSeam.class);
        CheckpointTensors tensors = seam(target, CheckpointTensors.class);
        TransformerLm lm = seam(target, TransformerLm.class);
        Path file = lm.folder().resolve("config.json");
        JsonNode json = ConfigReader.readTree(file);
        int hidden = seam.hiddenSize();
        MoeConfig config = MoeBlock.read(json, file, hidden, seam.layers());
        ExpertTensors.verify(config, hidden, tensors.names(), tensors::shape, lm.folder().toString());
        for (int layer : tensors.layersWithoutFeedForward()) {
            if (!config.isMoe(layer)) {
                throw new InvalidInputException(lm.folder() + ": layer " + layer + " has no dense feed-forward "
                        + "tensors, and " + file + "'s mhmoe.layers " + config.layers() + " does not list it");
            }
        }
        List<ExpertStats> made = new ArrayList<>();
        for (int layer : config.layers()) {
            MoeLayer block = new MoeLayer(config, ExpertTensors.weights(config, layer,
                    name -> tensors.load(name, seam.manager())));
            ExpertStats counts = new ExpertStats(layer, config.experts());
            made.add(counts);
            seam.replace(layer, dense -> new MoeFeedForward(block, capacity, counts));
        }
        synchronized (this) {
            stats.addAll(made);
        }
    }

    private static <T> T seam(AcceleratorTarget target, Class<T> type) {
        return target.seam(type).orElseThrow(() -> new InvalidInputException(ID + " needs the runtime's "
                + type.getSimpleName() + ", which " + target.describe() + " does not offer: use a gpu-backend "
                + "model (local:<folder>)"));
    }
}
