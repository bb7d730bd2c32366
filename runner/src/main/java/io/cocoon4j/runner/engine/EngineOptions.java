package io.cocoon4j.runner.engine;

/**
 * How an engine is opened. The batch sizes are part of the determinism profile (logits differ
 * slightly between batch shapes, tokens did not in our measurements) and therefore of the
 * {@link LlamaEngine#engineId() engine id}; the thread count is not (logits were bit-identical across thread counts).
 *
 * @param threads       CPU threads for generation and batch processing
 * @param contextLength tokens the context holds: prompt plus generated (or claimed) tokens
 * @param batchSize     tokens per {@code llama_decode} call
 * @param ubatchSize    tokens per physical batch inside llama.cpp (≤ batchSize)
 * @param gpuLayers     layers to offload to a GPU; 0 on the bundled CPU build
 */
public record EngineOptions(int threads, int contextLength, int batchSize, int ubatchSize, int gpuLayers) {
    /** Defaults: up to 4 threads, 2048-token context, batch and ubatch 512, CPU only. */
    public static EngineOptions defaults() {
        return new EngineOptions(Math.min(4, Runtime.getRuntime().availableProcessors()), 2048, 512, 512, 0);
    }

    public EngineOptions {
        if (threads < 1 || threads > 512) {
            throw new IllegalArgumentException("threads must be in [1, 512]: " + threads);
        }
        if (contextLength < 8 || contextLength > 1 << 20) {
            throw new IllegalArgumentException("context length must be in [8, 1048576]: " + contextLength);
        }
        if (batchSize < 1 || ubatchSize < 1 || ubatchSize > batchSize) {
            throw new IllegalArgumentException("need 1 <= ubatch <= batch, got batch " + batchSize + ", ubatch " + ubatchSize);
        }
        if (gpuLayers < 0) {
            throw new IllegalArgumentException("gpu layers must be >= 0: " + gpuLayers);
        }
    }

    public EngineOptions withThreads(int n) {
        return new EngineOptions(n, contextLength, batchSize, ubatchSize, gpuLayers);
    }

    public EngineOptions withContextLength(int n) {
        return new EngineOptions(threads, n, batchSize, ubatchSize, gpuLayers);
    }

    public EngineOptions withBatch(int batch, int ubatch) {
        return new EngineOptions(threads, contextLength, batch, ubatch, gpuLayers);
    }

    public EngineOptions withGpuLayers(int n) {
        return new EngineOptions(threads, contextLength, batchSize, ubatchSize, n);
    }
}
