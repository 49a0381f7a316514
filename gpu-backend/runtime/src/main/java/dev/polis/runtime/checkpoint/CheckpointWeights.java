package dev.polis.runtime.checkpoint;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import dev.polis.api.InvalidInputException;

/**
 * The tensors of a checkpoint folder: one {@code model.safetensors}, or the shards listed in
 * {@code model.safetensors.index.json}, looked up by tensor name.
 */
public final class CheckpointWeights implements AutoCloseable {

    /** The single-file weights name. */
    public static final String SINGLE_FILE = "model.safetensors";
    /** The index of sharded weights. */
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> byTensor;

    private CheckpointWeights(List<SafetensorsFile> files, Map<String, SafetensorsFile> byTensor) {
        this.files = List.copyOf(files);
        this.byTensor = byTensor;
    }

    /** Opens the weights of {@code folder}, mapping in splits of at most {@code splitBytes}. */
    public static CheckpointWeights open(Path folder, long splitBytes) {
        Path index = folder.resolve(INDEX_FILE);
        Path single = folder.resolve(SINGLE_FILE);
        if (Files.exists(index)) {
            return sharded(index, splitBytes);
        }
        if (!Files.exists(single)) {
            throw new InvalidInputException(folder + " has neither " + SINGLE_FILE + " nor " + INDEX_FILE
                    + "; a checkpoint folder needs its safetensors weights");
        }
        SafetensorsFile file = SafetensorsFile.open(single, splitBytes);
        Map<String, SafetensorsFile> map = new LinkedHashMap<>();
        file.tensors().keySet().forEach(name -> map.put(name, file));
        return new CheckpointWeights(List.of(file), map);
    }

    private static CheckpointWeights sharded(Path index, long splitBytes) {
        JsonNode weightMap = ConfigReader.readTree(index).path("weight_map");
        if (!weightMap.isObject() || weightMap.isEmpty()) {
            throw new InvalidInputException(index + " needs a non-empty 'weight_map' object (tensor name -> shard file)");
        }
        Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        List<SafetensorsFile> opened = new ArrayList<>();
        try {
            weightMap.fields().forEachRemaining(e -> {
                String shardName = e.getValue().asText();
                SafetensorsFile shard = shards.computeIfAbsent(shardName, n -> {
                    SafetensorsFile f = SafetensorsFile.open(index.resolveSibling(n), splitBytes);
                    opened.add(f);
                    return f;
                });
                if (shard.find(e.getKey()).isEmpty()) {
                    throw new InvalidInputException(index + " places tensor '" + e.getKey() + "' in " + shardName
                            + " but " + shard.path() + " has no such tensor");
                }
                byTensor.put(e.getKey(), shard);
            });
        } catch (RuntimeException e) {
            opened.forEach(SafetensorsFile::close);
            throw e;
        }
        return new CheckpointWeights(opened, byTensor);
    }

    /** Returns the names of every tensor. */
    public java.util.Set<String> names() {
        return byTensor.keySet();
    }

    /** Returns the description of tensor {@code name}, if present. */
    public Optional<TensorInfo> find(String name) {
        SafetensorsFile f = byTensor.get(name);
        return f == null ? Optional.empty() : f.find(name);
    }

    /** Returns the file holding tensor {@code name}, if present. */
    public Optional<Path> fileOf(String name) {
        return Optional.ofNullable(byTensor.get(name)).map(SafetensorsFile::path);
    }

    /** Returns the mapped bytes of tensor {@code name} (see {@link SafetensorsFile#bytes(String)}). */
    public ByteBuffer bytes(String name) {
        SafetensorsFile f = byTensor.get(name);
        if (f == null) {
            throw new InvalidInputException("the checkpoint has no tensor '" + name + "'");
        }
        return f.bytes(name);
    }

    /** Returns the opened files. */
    public List<SafetensorsFile> files() {
        return files;
    }

    /** Returns a label for messages: the single file, or the index's folder with the shard count. */
    public String label() {
        return files.size() == 1 ? files.get(0).path().toString()
                : files.get(0).path().getParent() + " (" + files.size() + " shards)";
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }
}
