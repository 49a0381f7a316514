package dev.polis.runtime.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.polis.api.InvalidInputException;
import dev.polis.api.Settings;
import dev.polis.api.inference.Accelerator;
import dev.polis.api.inference.AcceleratorTarget;
import dev.polis.api.inference.CausalLm;
import dev.polis.api.chat.InferenceOptions;
import dev.polis.runtime.checkpoint.CheckpointWeights;
import dev.polis.runtime.checkpoint.ConfigReader;
import dev.polis.runtime.checkpoint.ModelConfig;
import dev.polis.runtime.engine.Devices;
import dev.polis.runtime.engine.DjlEnvironment;
import dev.polis.runtime.engine.PyTorchEngine;
import dev.polis.runtime.seam.CheckpointTensors;
import dev.polis.runtime.seam.FeedForwardSeam;
import dev.polis.runtime.seam.KvCachePolicySeam;
import dev.polis.runtime.seam.LayerAccess;
import dev.polis.runtime.seam.PrefillSeam;

/**
 * A Hugging Face decoder-only checkpoint (Llama family, Qwen2, Mistral) loaded onto a DJL device: the
 * {@link CausalLm} decoders drive, and the {@link AcceleratorTarget} accelerators install into.
 *
 * <p>Seams, by type, through {@link #seam(Class)}: {@link LayerAccess}, {@link FeedForwardSeam},
 * {@link KvCachePolicySeam}, {@link PrefillSeam}, {@link dev.polis.runtime.seam.AttentionProbeSeam},
 * {@link dev.polis.runtime.seam.DecodeSeam}, {@link CheckpointTensors}, {@link ModelConfig} and this class itself.
 * A checkpoint may leave out a layer's dense feed-forward tensors when an accelerator supplies the block (MH-MoE);
 * sessions open once every such block is replaced.
 */
public final class TransformerLm implements CausalLm, AutoCloseable {

    private final Path folder;
    private final ModelConfig config;
    private final Set<Integer> stopTokens;
    private final NDManager manager;
    private final CheckpointWeights files;
    private final ModelWeights weights;
    private final Transformer transformer;
    private final RoutedLayers routedLayers;
    private final CheckpointView checkpoint;
    private final int context;

    private TransformerLm(Path folder, ModelConfig config, Set<Integer> stopTokens, NDManager manager,
                          CheckpointWeights files, ModelWeights weights, int context, long attentionFloats,
                          HostLinear linear) {
        this.folder = folder;
        this.config = config;
        this.stopTokens = Set.copyOf(stopTokens);
        this.manager = manager;
        this.files = files;
        this.weights = weights;
        this.context = context;
        this.transformer = new Transformer(folder, config, weights, new Rope(config, context, manager), manager,
                attentionFloats, linear);
        this.routedLayers = new RoutedLayers(transformer);
        this.checkpoint = new CheckpointView(config, files, weights);
    }

    /**
     * Loads the checkpoint in {@code folder}.
     *
     * @throws dev.polis.api.InvalidInputException when a file is missing or wrong, the architecture unsupported, or
     *                                             the device unavailable; the message names the file and the problem
     */
    public static TransformerLm load(Path folder, LoadOptions options) {
        DjlEnvironment.prepare();
        ModelConfig config = ConfigReader.read(folder.resolve("config.json"));
        Set<Integer> stops = new LinkedHashSet<>(config.eosTokenIds());
        Path generation = folder.resolve("generation_config.json");
        if (Files.exists(generation)) {
            stops.addAll(ConfigReader.ids(ConfigReader.readTree(generation).path("eos_token_id")));
        }
        int context = Math.min(options.maxContext(), config.maxPositionEmbeddings());
        if (config.slidingWindow() > 0) {
            context = Math.min(context, config.slidingWindow());
        }
        Device device = Devices.select(new InferenceOptions(options.device(), null, List.of()));
        Engine engine = PyTorchEngine.get();
        CheckpointWeights files = CheckpointWeights.open(folder, options.splitBytes());
        NDManager manager = engine.newBaseManager(device);
        try {
            ModelWeights weights = ModelWeights.load(config, files, manager);
            HostLinear linear = HostLinear.create(options.hostDecode() && device.getDeviceType().equals(
                    Device.Type.CPU), HostLinear.defaultThreads());
            return new TransformerLm(folder, config, stops, manager, files, weights, context,
                    options.attentionFloats(), linear);
        } catch (RuntimeException e) {
            manager.close();
            files.close();
            throw e;
        }
    }

    /** Returns the folder this model was loaded from. */
    public Path folder() {
        return folder;
    }

    /** Returns the architecture. */
    public ModelConfig config() {
        return config;
    }

    /** Returns the device the weights live on. */
    public Device device() {
        return manager.getDevice();
    }

    /**
     * Describes how decode steps compute their linear maps: {@code "Java vector kernel, 16 lanes, 2 threads"} or
     * {@code "PyTorch"} (another device, the option off, or a JVM without {@code --add-modules jdk.incubator.vector}).
     */
    public String decodeProducts() {
        return transformer.linear().describe();
    }

    /** Returns whether decode steps of a batch of one may run on the Java heap (the host path is on and available). */
    public boolean decodesOnHeap() {
        return transformer.host() != null;
    }

    /**
     * Returns how many decode steps of this model's sessions ran whole on the Java heap ({@link HostDecode}) rather
     * than through PyTorch, since it loaded: reports say which path a measurement took.
     */
    public long heapDecodeSteps() {
        HostDecode host = transformer.host();
        return host == null ? 0 : host.steps();
    }

    /** Returns how many layer ranges ran on the Java heap (a whole decode step counts one), for tests. */
    long heapLayerRuns() {
        HostDecode host = transformer.host();
        return host == null ? 0 : host.layerRuns();
    }

    /** Returns the longest sequence a session may hold by default. */
    public int context() {
        return context;
    }

    /** Returns the bytes of weights read per decoded token (float32, each matrix once). */
    public long weightBytes() {
        return weights.bytes();
    }

    @Override
    public int vocabularySize() {
        return config.vocabSize();
    }

    @Override
    public Set<Integer> stopTokens() {
        return stopTokens;
    }

    @Override
    public TransformerSession newSession() {
        return newSession(1, context);
    }

    /** Opens a session for {@code batch} sequences of at most {@code capacity} tokens each. */
    public TransformerSession newSession(int batch, int capacity) {
        if (batch <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("a session needs batch > 0 and capacity > 0");
        }
        if (capacity > context) {
            throw new InvalidInputException("a session of " + capacity + " tokens does not fit the model's context of "
                    + context + " (shorten the prompt, or load the model with a longer maxContext)");
        }
        transformer.requireFeedForwards();
        return new TransformerSession(transformer, manager, batch, capacity, config.kvHeads(), config.headDim());
    }

    @Override
    public <T> Optional<T> seam(Class<T> type) {
        if (type == LayerAccess.class) {
            return Optional.of(type.cast(routedLayers));
        }
        if (type.isInstance(transformer)) {
            return Optional.of(type.cast(transformer));
        }
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        if (type == ModelConfig.class) {
            return Optional.of(type.cast(config));
        }
        if (type == CheckpointTensors.class) {
            return Optional.of(type.cast(checkpoint));
        }
        return Optional.empty();
    }

    /** Returns this model as the target accelerators install into. */
    public AcceleratorTarget acceleratorTarget() {
        return new AcceleratorTarget() {
            @Override
            public String describe() {
                return config.describe() + " from " + folder;
            }

            @Override
            public <T> Optional<T> seam(Class<T> type) {
                return TransformerLm.this.seam(type);
            }
        };
    }

    /** Installs {@code accelerator} with {@code settings}; accelerators compose in the order installed. */
    public void install(Accelerator accelerator, Settings settings) {
        accelerator.install(acceleratorTarget(), settings);
    }

    /** Frees the weights and every session's caches. */
    @Override
    public void close() {
        manager.close();
        files.close();
    }
}
