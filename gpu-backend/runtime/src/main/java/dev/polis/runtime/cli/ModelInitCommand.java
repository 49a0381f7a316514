package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.polis.runtime.checkpoint.ArchitectureSpec;
import dev.polis.runtime.checkpoint.CheckpointInitializer;
import dev.polis.runtime.checkpoint.ModelConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code polis model init}: writes a checkpoint with seeded random weights from a JSON architecture description. */
@Command(name = "init", mixinStandardHelpOptions = true, description = {
    "Writes a Hugging Face-format checkpoint (config.json, generation_config.json, model.safetensors, tokenizer) "
            + "with seeded random weights.",
    "Example: polis model init --arch arch.json models/tiny",
    "arch.json uses config.json's field names, plus dtype (float32|float16|bfloat16), seed, init_std and "
            + "special_tokens, e.g. {\"model_type\":\"llama\",\"hidden_size\":64,\"intermediate_size\":128,"
            + "\"num_hidden_layers\":2,\"num_attention_heads\":4,\"num_key_value_heads\":2}"})
public final class ModelInitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--arch", required = true, paramLabel = "<file>", description = "The architecture description (JSON).")
    private Path arch;

    @Mixin
    private CheckpointTarget target;

    @Override
    public Integer call() {
        Path folder = target.folder();
        ArchitectureSpec description = ArchitectureSpec.read(arch);
        long start = System.nanoTime();
        ModelConfig config = CheckpointInitializer.write(description, arch, folder);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s: %s, %,d parameters, %s, seed %d (%.1f s)%n", folder, config.describe(),
                config.parameterCount(), description.dtype().safetensorsName(), description.seed(),
                (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }
}
