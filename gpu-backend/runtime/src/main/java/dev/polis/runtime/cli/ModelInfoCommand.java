package dev.polis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import dev.polis.runtime.checkpoint.CheckpointWeights;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.checkpoint.SafetensorsFile;
import dev.polis.runtime.checkpoint.TensorInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code polis model info}: describes a checkpoint from its config.json and safetensors headers (no weights are
 * loaded and no engine is started), and checks that every file the runtime needs is there.
 */
@Command(name = "info", mixinStandardHelpOptions = true, description = {
    "Describes a checkpoint folder: architecture, parameters, weight files and dtypes, tokenizer files.",
    "Example: polis model info models/tiny"})
public final class ModelInfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "The checkpoint folder.")
    private Path folder;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ModelConfig config = ConfigReader.read(folder.resolve("config.json"));
        out.printf("checkpoint   %s%n", folder.toAbsolutePath());
        out.printf("architecture %s%n", config.describe());
        out.printf("parameters   %,d%n", config.parameterCount());
        out.printf("context      %d positions, rope theta %s%s%s%n", config.maxPositionEmbeddings(),
                config.ropeTheta(), config.ropeScaling() == null ? "" : ", " + config.ropeScaling().type() + " scaling x"
                        + config.ropeScaling().factor(),
                config.slidingWindow() > 0 ? ", sliding window " + config.slidingWindow() : "");
        out.printf("eos ids      %s%n", config.eosTokenIds());
        try (CheckpointWeights weights = CheckpointWeights.open(folder, SafetensorsFile.DEFAULT_SPLIT_BYTES)) {
            for (SafetensorsFile file : weights.files()) {
                Map<String, Long> bytesByType = new TreeMap<>();
                for (TensorInfo t : file.tensors().values()) {
                    bytesByType.merge(t.dtype().safetensorsName(), t.byteLength(), Long::sum);
                }
                out.printf("weights      %s: %d tensors, %,d bytes %s%n", folder.relativize(file.path()),
                        file.tensors().size(), Files.size(file.path()), bytesByType);
            }
        }
        for (String name : new String[] {"tokenizer.json", "tokenizer_config.json", "generation_config.json"}) {
            out.printf("%-12s %s%n", name.replace(".json", ""), Files.exists(folder.resolve(name)) ? "present" : "missing");
        }
        out.flush();
        return 0;
    }
}
