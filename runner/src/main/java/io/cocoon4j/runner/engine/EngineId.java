package io.cocoon4j.runner.engine;

/**
 * Names the engine a result was produced with: llama.cpp build, backend, the library file and the
 * determinism profile (one sequence, no prompt cache, fixed batch sizes). Results commit to
 * {@link #value()}; two engines with equal ids produce the same greedy tokens for the same model.
 *
 * @param build      llama.cpp build number, e.g. {@code b4916} ({@code unknown} if not exported)
 * @param commit     llama.cpp commit, e.g. {@code c6af2161}
 * @param backend    {@code cpu}, or the GPU device name (e.g. {@code cuda0}) when layers are offloaded
 * @param libSha256  SHA-256 of the shared library file
 * @param batchSize  tokens per decode call
 * @param ubatchSize tokens per physical batch
 */
public record EngineId(String build, String commit, String backend, String libSha256, int batchSize, int ubatchSize) {
    /** Canonical text, e.g. {@code llama.cpp-b4916-c6af2161/cpu/lib-1a2b3c4d5e6f/seq1-nocache-b512-ub512}. */
    public String value() {
        return "llama.cpp-" + build + "-" + commit + "/" + backend + "/lib-" + libSha256.substring(0, 12)
            + "/seq1-nocache-b" + batchSize + "-ub" + ubatchSize;
    }

    @Override
    public String toString() {
        return value();
    }
}
