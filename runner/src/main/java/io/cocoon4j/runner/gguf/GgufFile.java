package io.cocoon4j.runner.gguf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed GGUF header: metadata, tensor table and where the data section starts. Produced by
 * {@link GgufReader}, which has already checked that every tensor lies inside the file.
 *
 * @param version    GGUF version (2 or 3)
 * @param metadata   key/value metadata in file order; values are {@code Long} (any integer type),
 *                   {@code Double} (float types), {@code Boolean}, {@code String} or a {@link GgufArray} of those
 * @param tensors    tensor table in file order
 * @param alignment  data alignment in bytes
 * @param dataOffset absolute file offset of the data section
 * @param fileSize   size of the file in bytes
 */
public record GgufFile(int version, Map<String, Object> metadata, List<GgufTensorInfo> tensors,
                       int alignment, long dataOffset, long fileSize) {

    public GgufFile {
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        tensors = List.copyOf(tensors);
    }

    /** A string metadata value, if present and a string. */
    public Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** An integer metadata value, if present and integral. */
    public Optional<Long> integer(String key) {
        return metadata.get(key) instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /** The number of elements of an array value, if present and an array. */
    public Optional<Integer> arrayLength(String key) {
        return array(key).map(GgufArray::size);
    }

    /** An array value, if present and an array. */
    public Optional<GgufArray> array(String key) {
        return metadata.get(key) instanceof GgufArray a ? Optional.of(a) : Optional.empty();
    }

    /** The tensor called {@code name}, if present. */
    public Optional<GgufTensorInfo> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
