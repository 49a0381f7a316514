package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.BlockExpansion;
import dev.polis.runtime.checkpoint.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code polis model grow}: writes a deeper checkpoint that computes what its source does (block expansion). */
@Command(name = "grow", mixinStandardHelpOptions = true, description = {
    "Writes a deeper copy of a checkpoint: its layers, then copies of its last layer whose output projections "
            + "(self_attn.o_proj, mlp.down_proj) are zero, so the grown model's outputs equal the source's until "
            + "training moves them (block expansion, as in LLaMA Pro). Continue with polis model train --init.",
    "Example: polis model grow --from runs/retrieval/stage-5/final --layers 8 models/grown"})
public final class ModelGrowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "<folder>", description = "The checkpoint to grow.")
    private Path from;

    @Option(names = "--layers", required = true, paramLabel = "<n>",
            description = "The grown model's number of layers (more than the source's).")
    private int layers;

    @Mixin
    private CheckpointTarget target;

    @Override
    public Integer call() {
        if (from.toAbsolutePath().normalize().equals(target.requested().toAbsolutePath().normalize())) {
            throw new InvalidInputException("--from and the output folder are both " + from
                    + "; write the grown checkpoint into another folder");
        }
        Path folder = target.folder();
        long start = System.nanoTime();
        ModelConfig config = BlockExpansion.write(from, layers, folder);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s: %s, %,d parameters, grown from %s (%.1f s)%n", folder, config.describe(),
                config.parameterCount(), from, (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }
}
