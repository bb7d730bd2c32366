package io.cocoon4j.runner.engine;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.cocoon4j.protocol.EngineId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * llama.cpp, driven token by token through its C API: load a GGUF model, tokenize, generate
 * (greedy or with any {@link TokenChooser}) and score claimed tokens in one teacher-forced pass.
 *
 * <p>Determinism profile: one sequence, the KV cache cleared before every call (no prompt cache),
 * fixed batch sizes from {@link EngineOptions}; {@link #engineId()} names it. Every input is
 * checked in Java before a native call, so bad input throws an {@link EngineException} and never
 * aborts the JVM. Calls are serialised (one llama.cpp context per engine); {@link #close()} frees
 * the context and the model.
 *
 * <pre>{@code
 * try (LlamaEngine e = LlamaEngine.open(Path.of("tiny.gguf"), EngineOptions.defaults())) {
 *     int[] prompt = e.tokenize("hello world", true);
 *     Generation g = e.generate(prompt, 32, TokenChooser.GREEDY);
 *     Scores s = e.score(prompt, g.tokens());   // s.argmax(i) == g.tokens()[i], up to near-ties
 * }
 * }</pre>
 */
public final class LlamaEngine implements AutoCloseable {
    private final LlamaNative api;
    private final Path modelPath;
    private final EngineOptions options;
    private final LlamaBuild build;
    private final EngineId id;
    private Pointer model;
    private Pointer ctx;
    private final Pointer vocab;
    private final int nVocab;
    private final int nCtx;
    private final String description;
    private final long parameters;

    private final Memory tokenBuf;
    private final Memory posBuf;
    private final Memory nSeqIdBuf;
    private final Memory seqIdPtrs;
    private final Memory seqZero;
    private final Memory logitsFlags;
    /** Reused for every decode: only {@code n_tokens} changes, the arrays are ours. */
    private final LlamaNative.Batch.ByValue batch = new LlamaNative.Batch.ByValue();

    private LlamaEngine(NativeLibraryLoader.Loaded lib, LlamaBuild build, Path modelPath, EngineOptions options,
                        Pointer model, Pointer ctx) {
        this.api = lib.api();
        this.modelPath = modelPath;
        this.options = options;
        this.model = model;
        this.ctx = ctx;
        this.vocab = api.llama_model_get_vocab(model);
        this.nVocab = api.llama_vocab_n_tokens(vocab);
        this.nCtx = api.llama_n_ctx(ctx);
        byte[] desc = new byte[256];
        int n = api.llama_model_desc(model, desc, desc.length);
        this.description = new String(desc, 0, Math.max(0, Math.min(n, desc.length - 1)), StandardCharsets.UTF_8);
        this.parameters = api.llama_model_n_params(model);
        this.build = build;
        this.id = build.engineId(options.batchSize(), options.ubatchSize());
        int b = options.batchSize();
        tokenBuf = new Memory(4L * b);
        posBuf = new Memory(4L * b);
        nSeqIdBuf = new Memory(4L * b);
        seqIdPtrs = new Memory((long) Native.POINTER_SIZE * b);
        seqZero = new Memory(4);
        logitsFlags = new Memory(b);
        seqZero.setInt(0, 0);
        for (int i = 0; i < b; i++) {
            nSeqIdBuf.setInt(4L * i, 1);
            seqIdPtrs.setPointer((long) Native.POINTER_SIZE * i, seqZero);
        }
        batch.token = tokenBuf;
        batch.embd = null;
        batch.pos = posBuf;
        batch.n_seq_id = nSeqIdBuf;
        batch.seq_id = seqIdPtrs;
        batch.logits = logitsFlags;
    }

    /**
     * Opens a model. The file is checked in Java first (GGUF structure, llama architecture,
     * tokenizer, shapes), then loaded by llama.cpp (memory-mapped).
     *
     * @throws InvalidModelException  missing, truncated, corrupt or unsupported file
     * @throws NativeEngineException  the native library cannot be loaded or refuses to create a context
     */
    public static LlamaEngine open(Path modelPath, EngineOptions options) {
        Path path = modelPath.toAbsolutePath();
        ModelPreflight.check(path);
        NativeLibraryLoader.Loaded lib = NativeLibraryLoader.get();
        LlamaNative api = lib.api();
        LlamaBuild build;
        try {
            build = new LlamaBuild(lib.build(), lib.commit(), backend(api, options), lib.sha256().substring(0, 12));
        } catch (IllegalArgumentException e) {
            throw new NativeEngineException("cannot name the native library's build: " + e.getMessage());
        }
        LlamaNative.ModelParams.ByValue mp = api.llama_model_default_params();
        mp.n_gpu_layers = options.gpuLayers();
        mp.use_mmap = 1;
        mp.use_mlock = 0;
        Pointer model = api.llama_model_load_from_file(path.toString(), mp);
        if (model == null) {
            throw new InvalidModelException("llama.cpp could not load " + path.getFileName()
                + " (set -Dcocoon.llama.log=true to see why)");
        }
        LlamaNative.ContextParams.ByValue cp = api.llama_context_default_params();
        cp.n_ctx = options.contextLength();
        cp.n_batch = options.batchSize();
        cp.n_ubatch = options.ubatchSize();
        cp.n_seq_max = 1;
        cp.n_threads = options.threads();
        cp.n_threads_batch = options.threads();
        cp.logits_all = 0;
        cp.embeddings = 0;
        cp.no_perf = 1;
        Pointer ctx = api.llama_init_from_model(model, cp);
        if (ctx == null) {
            api.llama_model_free(model);
            throw new NativeEngineException("llama.cpp could not create a context of " + options.contextLength() + " tokens");
        }
        return new LlamaEngine(lib, build, path, options, model, ctx);
    }

    /** Opens a model with {@link EngineOptions#defaults()}. */
    public static LlamaEngine open(Path modelPath) {
        return open(modelPath, EngineOptions.defaults());
    }

    private static String backend(LlamaNative api, EngineOptions options) {
        if (options.gpuLayers() > 0 && api.llama_supports_gpu_offload() != 0) {
            long n = api.ggml_backend_dev_count();
            for (long i = 0; i < n; i++) {
                Pointer dev = api.ggml_backend_dev_get(i);
                if (api.ggml_backend_dev_type(dev) == 1) { // GGML_BACKEND_DEVICE_TYPE_GPU
                    return api.ggml_backend_dev_name(dev).toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        return "cpu";
    }

    /** The engine id results commit to: {@link #build()} and this engine's batch shape. */
    public EngineId engineId() {
        return id;
    }

    /** The llama.cpp build, backend and library this engine runs. */
    public LlamaBuild build() {
        return build;
    }

    /**
     * Whether this engine can reproduce results committed to {@code job}'s engine id within a
     * calibrated tolerance: the id names this engine's {@link #build()} (same release, commit,
     * backend and library file) and the same determinism profile; the batch shape may differ, since
     * it changes only float rounding (verifier/TOLERANCE.md). False for any id of another form.
     */
    public boolean reproduces(EngineId job) {
        return LlamaBuild.of(job).filter(build::equals).isPresent();
    }

    public EngineOptions options() {
        return options;
    }

    public Path modelPath() {
        return modelPath;
    }

    /** llama.cpp's description of the model, e.g. {@code llama ?B F16}. */
    public String modelDescription() {
        return description;
    }

    public long parameterCount() {
        return parameters;
    }

    public int vocabSize() {
        return nVocab;
    }

    /** Tokens the context holds. */
    public int contextLength() {
        return nCtx;
    }

    /** llama.cpp's system info line (CPU features it was built with and detected). */
    public String systemInfo() {
        return api.llama_print_system_info();
    }

    public synchronized int bosToken() {
        ensureOpen();
        return api.llama_vocab_bos(vocab);
    }

    public synchronized int eosToken() {
        ensureOpen();
        return api.llama_vocab_eos(vocab);
    }

    /** Whether {@code token} ends generation (end-of-sequence or end-of-turn). */
    public synchronized boolean isEndOfGeneration(int token) {
        ensureOpen();
        checkTokens("query", new int[] {token});
        return api.llama_vocab_is_eog(vocab, token) != 0;
    }

    /** Tokenizes UTF-8 text; special-token syntax in the text is treated as plain text. */
    public synchronized int[] tokenize(String text, boolean addBos) {
        ensureOpen();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[bytes.length + 2];
        int n = api.llama_tokenize(vocab, bytes, bytes.length, out, out.length, (byte) (addBos ? 1 : 0), (byte) 0);
        if (n < 0) {
            out = new int[-n];
            n = api.llama_tokenize(vocab, bytes, bytes.length, out, out.length, (byte) (addBos ? 1 : 0), (byte) 0);
        }
        if (n < 0) {
            throw new NativeEngineException("llama_tokenize failed (" + n + ")");
        }
        return Arrays.copyOf(out, n);
    }

    /** The bytes the tokens stand for (control tokens render as nothing). */
    public synchronized byte[] detokenizeBytes(int[] tokens) {
        ensureOpen();
        checkTokens("detokenized", tokens);
        ByteBuffer out = ByteBuffer.allocate(Math.max(16, tokens.length * 8));
        byte[] piece = new byte[64];
        for (int t : tokens) {
            int n = api.llama_token_to_piece(vocab, t, piece, piece.length, 0, (byte) 0);
            if (n < 0) {
                piece = new byte[-n];
                n = api.llama_token_to_piece(vocab, t, piece, piece.length, 0, (byte) 0);
            }
            if (n < 0) {
                throw new NativeEngineException("llama_token_to_piece failed for token " + t);
            }
            if (out.remaining() < n) {
                out = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + n)).put(out.flip());
            }
            out.put(piece, 0, n);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /**
     * The text the tokens stand for.
     *
     * @throws InvalidUtf8Exception if the bytes are not valid UTF-8 (byte-fallback tokens can split
     *                              or forge characters); use {@link #detokenizeBytes} to get them anyway
     */
    public String detokenize(int[] tokens) {
        byte[] bytes = detokenizeBytes(tokens);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception("the " + tokens.length + " tokens detokenize to " + bytes.length
                + " bytes that are not valid UTF-8");
        }
    }

    /** Generates up to {@code maxTokens} tokens, stopping after an end-of-generation token. */
    public Generation generate(int[] prompt, int maxTokens, TokenChooser chooser) {
        return generate(prompt, maxTokens, chooser, true);
    }

    /**
     * Generates up to {@code maxTokens} tokens after {@code prompt}: the prompt is processed in
     * batches of {@link EngineOptions#batchSize()}, then one token per decode. The chooser sees the
     * full logits row of every position.
     *
     * @param stopAtEndOfGeneration false to keep going past end-of-generation tokens (benchmarks)
     * @throws ContextOverflowException if the prompt does not fit the context
     * @throws InvalidTokenException    if the prompt or the chooser uses an id outside the vocabulary
     */
    public synchronized Generation generate(int[] prompt, int maxTokens, TokenChooser chooser, boolean stopAtEndOfGeneration) {
        ensureOpen();
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
        }
        checkPrompt(prompt);
        if (prompt.length > nCtx) {
            throw new ContextOverflowException(prompt.length, nCtx);
        }
        long t0 = System.nanoTime();
        api.llama_kv_self_clear(ctx);
        int lastIndex = -1;
        for (int from = 0; from < prompt.length; from += options.batchSize()) {
            int count = Math.min(options.batchSize(), prompt.length - from);
            boolean last = from + count == prompt.length;
            decode(prompt, from, count, from, last ? from + count - 1 : -1, last ? from + count - 1 : -2);
            lastIndex = count - 1;
        }
        int[] out = new int[maxTokens];
        int produced = 0;
        int pos = prompt.length;
        int[] one = new int[1];
        StopReason stop;
        while (true) {
            float[] row = readLogits(lastIndex);
            int t = chooser.choose(produced, row);
            if (t < 0 || t >= nVocab) {
                throw new InvalidTokenException("chosen", produced, t, nVocab);
            }
            out[produced++] = t;
            if (stopAtEndOfGeneration && api.llama_vocab_is_eog(vocab, t) != 0) {
                stop = StopReason.END_OF_GENERATION;
                break;
            }
            if (produced == maxTokens) {
                stop = StopReason.MAX_TOKENS;
                break;
            }
            if (pos >= nCtx) {
                stop = StopReason.CONTEXT_FULL;
                break;
            }
            one[0] = t;
            decode(one, 0, 1, pos, pos, pos);
            lastIndex = 0;
            pos++;
        }
        return new Generation(Arrays.copyOf(out, produced), stop, System.nanoTime() - t0);
    }

    /**
     * Teacher-forced scoring: feeds {@code prompt} and {@code claimed} through the model in batches
     * of {@link EngineOptions#batchSize()} and returns, for every claimed token, the logits the model
     * assigns at that position (row {@code i} conditions on the prompt and {@code claimed[0..i-1]}).
     * Needs {@code prompt.length + claimed.length - 1 <= contextLength()}, the same room the
     * generation of those tokens needed.
     *
     * @throws ContextOverflowException if they do not fit
     * @throws InvalidTokenException    if any id is outside the vocabulary
     */
    public Scores score(int[] prompt, int[] claimed) {
        return score(prompt, claimed, 0, claimed.length);
    }

    /**
     * Like {@link #score(int[], int[])} but keeps only the rows of {@code claimed[from, to)}, e.g.
     * one disputed chunk: the prompt and {@code claimed[0..to-2]} are still fed (the rows condition
     * on them), but memory is {@code (to - from) × vocab × 4} bytes. Row 0 of the result is
     * claimed token {@code from} ({@link Scores#firstIndex()}).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= claimed.length}
     */
    public synchronized Scores score(int[] prompt, int[] claimed, int from, int to) {
        ensureOpen();
        java.util.Objects.checkFromToIndex(from, to, claimed.length);
        checkPrompt(prompt);
        checkTokens("claimed", claimed);
        int total = prompt.length + Math.max(0, to - 1);
        if (total > nCtx) {
            throw new ContextOverflowException(total, nCtx);
        }
        long values = (long) (to - from) * nVocab;
        if (values > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException((to - from) + " rows of " + nVocab + " logits do not fit one array");
        }
        long t0 = System.nanoTime();
        float[] logits = new float[(int) values];
        if (to > from) {
            int[] seq = new int[total];
            System.arraycopy(prompt, 0, seq, 0, prompt.length);
            System.arraycopy(claimed, 0, seq, prompt.length, to - 1);
            int firstWanted = prompt.length - 1 + from;
            api.llama_kv_self_clear(ctx);
            for (int start = 0; start < total; start += options.batchSize()) {
                int count = Math.min(options.batchSize(), total - start);
                int lo = Math.max(start, firstWanted);
                int hi = start + count - 1;
                decode(seq, start, count, start, lo, hi);
                for (int p = lo; p <= hi; p++) {
                    Pointer row = api.llama_get_logits_ith(ctx, p - start);
                    if (row == null) {
                        throw new NativeEngineException("no logits for position " + p);
                    }
                    row.read(0, logits, (p - firstWanted) * nVocab, nVocab);
                }
            }
        }
        return new Scores(Arrays.copyOfRange(claimed, from, to), from, nVocab, logits, System.nanoTime() - t0);
    }

    /** Decodes {@code tokens[from, from+count)} at positions {@code pos..}; logits for sequence positions lo..hi. */
    private void decode(int[] tokens, int from, int count, int pos, int lo, int hi) {
        for (int i = 0; i < count; i++) {
            tokenBuf.setInt(4L * i, tokens[from + i]);
            posBuf.setInt(4L * i, pos + i);
            int p = pos + i;
            logitsFlags.setByte(i, (byte) (p >= lo && p <= hi ? 1 : 0));
        }
        batch.n_tokens = count;
        int rc = api.llama_decode(ctx, batch);
        if (rc != 0) {
            throw new NativeEngineException("llama_decode failed with code " + rc + " at position " + pos);
        }
    }

    private float[] readLogits(int batchIndex) {
        Pointer p = api.llama_get_logits_ith(ctx, batchIndex);
        if (p == null) {
            throw new NativeEngineException("no logits for batch index " + batchIndex);
        }
        return p.getFloatArray(0, nVocab);
    }

    private void checkPrompt(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must hold at least one token");
        }
        checkTokens("prompt", prompt);
    }

    private void checkTokens(String where, int[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= nVocab) {
                throw new InvalidTokenException(where, i, tokens[i], nVocab);
            }
        }
    }

    private void ensureOpen() {
        if (ctx == null) {
            throw new IllegalStateException("engine is closed");
        }
    }

    /** Frees the llama.cpp context and model; further calls throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        if (ctx != null) {
            api.llama_free(ctx);
            ctx = null;
        }
        if (model != null) {
            api.llama_model_free(model);
            model = null;
        }
        for (Memory m : new Memory[] {tokenBuf, posBuf, nSeqIdBuf, seqIdPtrs, seqZero, logitsFlags}) {
            m.close();
        }
    }
}
