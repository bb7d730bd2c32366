package io.cocoon4j.runner.engine;

import io.cocoon4j.protocol.EngineId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The llama.cpp build an engine runs: release, commit, backend and library file. With the batch
 * shape of the determinism profile it makes the protocol's {@link EngineId}, in the form
 * <pre>
 *   llama.cpp-{build}-{commit}/{backend}/lib-{library}/seq1-nocache-b{batch}-ub{ubatch}
 * </pre>
 * e.g. {@code llama.cpp-b4916-c6af2161/cpu/lib-93276c536d00/seq1-nocache-b512-ub512}.
 *
 * <p>Why the build is split out: two engines of one build differ, whatever their batch shapes and
 * thread counts, only by float rounding, which is the drift τ is calibrated against
 * (verifier/TOLERANCE.md); another release, backend or library file may differ by more, so a
 * verifier can only {@linkplain LlamaEngine#reproduces reproduce} jobs of its own build.
 *
 * @param build llama.cpp release, e.g. {@code b4916} ({@code unknown} if the library does not say); no {@code -}
 * @param commit llama.cpp commit, e.g. {@code c6af2161}
 * @param backend {@code cpu}, or the GPU device name (e.g. {@code cuda0}) when layers are offloaded
 * @param library the first 12 hex digits of the shared library file's SHA-256
 */
public record LlamaBuild(String build, String commit, String backend, String library) {
    private static final Pattern ID = Pattern.compile(
        "llama\\.cpp-([^-/\\s]+)-([^/\\s]+)/([^/\\s]+)/lib-([0-9a-f]{12})/seq1-nocache-b([1-9][0-9]{0,8})-ub([1-9][0-9]{0,8})");

    /** @throws IllegalArgumentException if a part is empty or would make the id ambiguous */
    public LlamaBuild {
        require(build, "build", "[^-/\\s]+");
        require(commit, "commit", "[^/\\s]+");
        require(backend, "backend", "[^/\\s]+");
        require(library, "library", "[0-9a-f]{12}");
    }

    /** The engine id of this build run with the given batch sizes. */
    public EngineId engineId(int batchSize, int ubatchSize) {
        if (batchSize < 1 || ubatchSize < 1) {
            throw new IllegalArgumentException("batch sizes must be positive: " + batchSize + "/" + ubatchSize);
        }
        return new EngineId("llama.cpp-" + build + "-" + commit + "/" + backend + "/lib-" + library
            + "/seq1-nocache-b" + batchSize + "-ub" + ubatchSize);
    }

    /**
     * The build an engine id names, if it is a llama.cpp id in the form above with the
     * determinism profile this engine implements (one sequence, no prompt cache); empty otherwise.
     */
    public static Optional<LlamaBuild> of(EngineId id) {
        Matcher m = ID.matcher(id.value());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LlamaBuild(m.group(1), m.group(2), m.group(3), m.group(4)));
    }

    private static void require(String value, String name, String pattern) {
        if (value == null || !value.matches(pattern)) {
            throw new IllegalArgumentException("a llama.cpp " + name + " must match " + pattern + ", got '" + value + "'");
        }
    }
}
