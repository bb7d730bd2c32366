package io.cocoon4j.runner.engine;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The part of llama.cpp's C API (release b4916, the one {@code de.kherud:llama} 4.2.0 bundles) that
 * the engine calls. C {@code bool} is mapped to {@code byte} both ways: JNA's default boolean is a
 * 4-byte int, and only the low byte of a returned C bool is defined. Struct layouts are checked
 * against the sizes of b4916 when the library loads ({@link NativeLibraryLoader}).
 */
interface LlamaNative extends Library {
    void llama_backend_init();

    void llama_log_set(LogCallback callback, Pointer userData);

    ModelParams.ByValue llama_model_default_params();

    ContextParams.ByValue llama_context_default_params();

    Pointer llama_model_load_from_file(String path, ModelParams.ByValue params);

    void llama_model_free(Pointer model);

    Pointer llama_init_from_model(Pointer model, ContextParams.ByValue params);

    void llama_free(Pointer ctx);

    Pointer llama_model_get_vocab(Pointer model);

    int llama_model_n_ctx_train(Pointer model);

    long llama_model_n_params(Pointer model);

    int llama_model_desc(Pointer model, byte[] buf, long size);

    int llama_vocab_n_tokens(Pointer vocab);

    int llama_vocab_bos(Pointer vocab);

    int llama_vocab_eos(Pointer vocab);

    byte llama_vocab_is_eog(Pointer vocab, int token);

    int llama_tokenize(Pointer vocab, byte[] text, int textLen, int[] tokens, int nTokensMax,
                       byte addSpecial, byte parseSpecial);

    int llama_token_to_piece(Pointer vocab, int token, byte[] buf, int length, int lstrip, byte special);

    int llama_decode(Pointer ctx, Batch.ByValue batch);

    Pointer llama_get_logits_ith(Pointer ctx, int i);

    void llama_kv_self_clear(Pointer ctx);

    int llama_n_ctx(Pointer ctx);

    void llama_set_n_threads(Pointer ctx, int nThreads, int nThreadsBatch);

    String llama_print_system_info();

    byte llama_supports_gpu_offload();

    long ggml_backend_dev_count();

    Pointer ggml_backend_dev_get(long index);

    String ggml_backend_dev_name(Pointer device);

    int ggml_backend_dev_type(Pointer device);

    /** {@code ggml_log_callback}: level, text, user data. */
    interface LogCallback extends Callback {
        void invoke(int level, Pointer text, Pointer userData);
    }

    /** {@code struct llama_model_params} (64 bytes in b4916). */
    @Structure.FieldOrder({"devices", "n_gpu_layers", "split_mode", "main_gpu", "tensor_split",
        "progress_callback", "progress_callback_user_data", "kv_overrides",
        "vocab_only", "use_mmap", "use_mlock", "check_tensors"})
    class ModelParams extends Structure {
        public Pointer devices;
        public int n_gpu_layers;
        public int split_mode;
        public int main_gpu;
        public Pointer tensor_split;
        public Pointer progress_callback;
        public Pointer progress_callback_user_data;
        public Pointer kv_overrides;
        public byte vocab_only;
        public byte use_mmap;
        public byte use_mlock;
        public byte check_tensors;

        public static class ByValue extends ModelParams implements Structure.ByValue {}
    }

    /** {@code struct llama_context_params} (120 bytes in b4916). */
    @Structure.FieldOrder({"n_ctx", "n_batch", "n_ubatch", "n_seq_max", "n_threads", "n_threads_batch",
        "rope_scaling_type", "pooling_type", "attention_type",
        "rope_freq_base", "rope_freq_scale", "yarn_ext_factor", "yarn_attn_factor", "yarn_beta_fast",
        "yarn_beta_slow", "yarn_orig_ctx", "defrag_thold", "cb_eval", "cb_eval_user_data",
        "type_k", "type_v", "logits_all", "embeddings", "offload_kqv", "flash_attn", "no_perf",
        "abort_callback", "abort_callback_data"})
    class ContextParams extends Structure {
        public int n_ctx;
        public int n_batch;
        public int n_ubatch;
        public int n_seq_max;
        public int n_threads;
        public int n_threads_batch;
        public int rope_scaling_type;
        public int pooling_type;
        public int attention_type;
        public float rope_freq_base;
        public float rope_freq_scale;
        public float yarn_ext_factor;
        public float yarn_attn_factor;
        public float yarn_beta_fast;
        public float yarn_beta_slow;
        public int yarn_orig_ctx;
        public float defrag_thold;
        public Pointer cb_eval;
        public Pointer cb_eval_user_data;
        public int type_k;
        public int type_v;
        public byte logits_all;
        public byte embeddings;
        public byte offload_kqv;
        public byte flash_attn;
        public byte no_perf;
        public Pointer abort_callback;
        public Pointer abort_callback_data;

        public static class ByValue extends ContextParams implements Structure.ByValue {}
    }

    /** {@code struct llama_batch} (56 bytes): arrays are owned by the caller. */
    @Structure.FieldOrder({"n_tokens", "token", "embd", "pos", "n_seq_id", "seq_id", "logits"})
    class Batch extends Structure {
        public int n_tokens;
        public Pointer token;
        public Pointer embd;
        public Pointer pos;
        public Pointer n_seq_id;
        public Pointer seq_id;
        public Pointer logits;

        public static class ByValue extends Batch implements Structure.ByValue {}
    }
}
