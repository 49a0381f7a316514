package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.polis.api.InvalidInputException;
import dev.polis.runtime.checkpoint.DepthGrowth;
import dev.polis.runtime.checkpoint.GrowthMethod;
import dev.polis.runtime.checkpoint.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code polis model grow}: writes a deeper checkpoint to train further, by block expansion or stacking. */
@Command(name = "grow", mixinStandardHelpOptions = true, description = {
    "Writes a deeper copy of a checkpoint: its layers, then new ones. --method expand (the default) adds copies of "
            + "its last layer whose output projections (self_attn.o_proj, mlp.down_proj) are zero, so the grown "
            + "model's outputs equal the source's until training moves them (block expansion, as in LLaMA Pro). "
            + "--method stack repeats its layers in order (progressive stacking): every new block does work from the "
            + "start, and the grown model must be trained before use. Continue with polis model train --init.",
    "Example: polis model grow --from runs/retrieval/stage-5/final --layers 8 models/grown"})
public final class ModelGrowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "<folder>", description = "The checkpoint to grow.")
    private Path from;

    @Option(names = "--layers", required = true, paramLabel = "<n>",
            description = "The grown model's number of layers (more than the source's).")
    private int layers;

    @Option(names = "--method", defaultValue = "expand", paramLabel = "<method>",
            description = "expand (new blocks after the last layer add nothing until trained), insert (the same "
                    + "blocks before the last layer) or stack (repeat the layers); default expand.")
    private String method;

    @Mixin
    private CheckpointTarget target;

    @Override
    public Integer call() {
        if (from.toAbsolutePath().normalize().equals(target.requested().toAbsolutePath().normalize())) {
            throw new InvalidInputException("--from and the output folder are both " + from
                    + "; write the grown checkpoint into another folder");
        }
        GrowthMethod growth = GrowthMethod.parse(method, "--method");
        Path folder = target.folder();
        long start = System.nanoTime();
        ModelConfig config = DepthGrowth.write(from, layers, growth, folder);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s: %s, %,d parameters, grown from %s by %s (%.1f s)%n", folder,
                config.describe(), config.parameterCount(), from, growth.label(), (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }
}
