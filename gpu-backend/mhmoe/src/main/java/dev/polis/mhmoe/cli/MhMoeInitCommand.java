package dev.polis.mhmoe.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.mhmoe.checkpoint.MoeBlock;
import dev.polis.mhmoe.checkpoint.MoeInitializer;
import dev.polis.mhmoe.layer.MoeConfig;
import dev.polis.runtime.checkpoint.ArchitectureSpec;
import dev.polis.runtime.checkpoint.CheckpointInitializer;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.cli.CheckpointTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code polis mhmoe init}: writes an MH-MoE checkpoint with seeded weights from an architecture description. */
@Command(name = "init", mixinStandardHelpOptions = true, description = {
    "Writes a checkpoint like 'polis model init' whose mhmoe layers hold a multi-head mixture of experts instead of"
            + " the dense feed-forward block; train it with 'polis model train --init <folder> --recipe mhmoe'.",
    "arch.json: polis model init's fields plus an mhmoe block, e.g. \"mhmoe\": {\"heads\": 3, \"num_experts\": 8, "
            + "\"top_k\": 1, \"expert_intermediate_size\": 96, \"layers\": [0, 1], \"projections\": true, "
            + "\"capacity_factor\": 1.0, \"balance_loss_weight\": 0.01}"})
public final class MhMoeInitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--arch", required = true, paramLabel = "<file>", description = "The architecture (JSON).")
    private Path arch;

    @Mixin
    private CheckpointTarget target;

    @Override
    public Integer call() {
        Path folder = target.folder();
        ArchitectureSpec description = ArchitectureSpec.read(arch);
        JsonNode root = description.config();
        MoeConfig moe = MoeBlock.read(root, arch, root.path("hidden_size").asInt(),
                root.path("num_hidden_layers").asInt());
        ModelConfig config = CheckpointInitializer.write(description, arch, folder);
        long added = MoeInitializer.write(folder, moe, config.hiddenSize(), description.dtype(), description.seed(),
                description.initStd());
        long dense = 3L * config.hiddenSize() * config.intermediateSize() * moe.layers().size();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s: %s; %s; %,d parameters (MH-MoE blocks %,d, %,d per layer; %,d multiply-adds per token"
                + " per block)%n", folder, config.describe(), moe.describe(), config.parameterCount() - dense + added,
                added, moe.parametersPerLayer(config.hiddenSize()), moe.multiplyAddsPerToken(config.hiddenSize()));
        out.flush();
        return 0;
    }
}
