package io.cocoon4j.runner.model;

import io.cocoon4j.runner.gguf.GgmlType;
import io.cocoon4j.runner.gguf.GgufTensorInfo;
import io.cocoon4j.runner.gguf.GgufWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Generates a real llama-architecture GGUF model with seeded random weights: the same
 * {@link ModelSpec} always gives the same bytes (tests pin the SHA-256), nothing is downloaded.
 * Each tensor draws from its own splitmix64 stream, so one seed gives the same weights at every
 * {@link WeightType}: only the rounding differs.
 */
public final class ModelGenerator {
    private static final int CHUNK = 1 << 14;

    private ModelGenerator() {}

    /**
     * What to generate.
     *
     * @param shape dimensions
     * @param seed  weight seed
     * @param type  matrix precision
     */
    public record ModelSpec(ModelShape shape, long seed, WeightType type) {
        /** The default seed, the one whose hashes the tests pin. */
        public static final long DEFAULT_SEED = 42;

        /** {@code shape} at its default precision and the default seed. */
        public static ModelSpec of(ModelShape shape) {
            return new ModelSpec(shape, DEFAULT_SEED, shape.defaultType);
        }

        public ModelSpec {
            java.util.Objects.requireNonNull(shape, "shape");
            java.util.Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Writes the model to {@code file} (atomically: a temporary file is renamed) and returns its
     * SHA-256 as lower-case hex.
     */
    public static String generate(ModelSpec spec, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".gen-", ".gguf.part");
        try {
            String hash;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                hash = write(spec, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return hash;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Streams the model to {@code out} (not closed) and returns its SHA-256 as lower-case hex. */
    public static String write(ModelSpec spec, OutputStream out) throws IOException {
        MessageDigest sha = sha256();
        DigestOutputStream digest = new DigestOutputStream(out, sha);
        GgufWriter w = header(spec);
        List<GgufTensorInfo> declared = declare(spec, w);
        w.write(digest, (tensor, o) -> writeTensor(spec, declared.indexOf(tensor), tensor, o));
        digest.flush();
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 of the model {@code spec} describes, without writing it anywhere. */
    public static String sha256Of(ModelSpec spec) throws IOException {
        return write(spec, OutputStream.nullOutputStream());
    }

    private static GgufWriter header(ModelSpec spec) {
        ModelShape s = spec.shape();
        SpmVocabulary vocab = SpmVocabulary.build(s.vocab);
        return new GgufWriter(32)
            .putString("general.architecture", "llama")
            .putString("general.name", "cocoon4j-" + s.id() + "-seed" + spec.seed())
            .putUint32("general.file_type", spec.type().fileType())
            .putUint32("llama.context_length", s.contextLength)
            .putUint32("llama.embedding_length", s.embedding)
            .putUint32("llama.block_count", s.layers)
            .putUint32("llama.feed_forward_length", s.feedForward)
            .putUint32("llama.attention.head_count", s.heads)
            .putUint32("llama.attention.head_count_kv", s.kvHeads)
            .putUint32("llama.rope.dimension_count", s.embedding / s.heads)
            .putFloat32("llama.rope.freq_base", 10000f)
            .putFloat32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
            .putUint32("llama.vocab_size", s.vocab)
            .putString("tokenizer.ggml.model", "llama")
            .putStringArray("tokenizer.ggml.tokens", vocab.tokens())
            .putFloat32Array("tokenizer.ggml.scores", vocab.scores())
            .putInt32Array("tokenizer.ggml.token_type", vocab.types())
            .putUint32("tokenizer.ggml.unknown_token_id", SpmVocabulary.UNK)
            .putUint32("tokenizer.ggml.bos_token_id", SpmVocabulary.BOS)
            .putUint32("tokenizer.ggml.eos_token_id", SpmVocabulary.EOS)
            .putBool("tokenizer.ggml.add_bos_token", true)
            .putBool("tokenizer.ggml.add_eos_token", false);
    }

    private static List<GgufTensorInfo> declare(ModelSpec spec, GgufWriter w) {
        ModelShape s = spec.shape();
        GgmlType m = spec.type().ggmlType();
        long e = s.embedding;
        long kv = (long) s.embedding / s.heads * s.kvHeads;
        List<GgufTensorInfo> t = new ArrayList<>();
        t.add(w.addTensor("token_embd.weight", new long[] {e, s.vocab}, m));
        for (int l = 0; l < s.layers; l++) {
            String p = "blk." + l + ".";
            t.add(w.addTensor(p + "attn_norm.weight", new long[] {e}, GgmlType.F32));
            t.add(w.addTensor(p + "attn_q.weight", new long[] {e, e}, m));
            t.add(w.addTensor(p + "attn_k.weight", new long[] {e, kv}, m));
            t.add(w.addTensor(p + "attn_v.weight", new long[] {e, kv}, m));
            t.add(w.addTensor(p + "attn_output.weight", new long[] {e, e}, m));
            t.add(w.addTensor(p + "ffn_norm.weight", new long[] {e}, GgmlType.F32));
            t.add(w.addTensor(p + "ffn_gate.weight", new long[] {e, s.feedForward}, m));
            t.add(w.addTensor(p + "ffn_down.weight", new long[] {s.feedForward, e}, m));
            t.add(w.addTensor(p + "ffn_up.weight", new long[] {e, s.feedForward}, m));
        }
        t.add(w.addTensor("output_norm.weight", new long[] {e}, GgmlType.F32));
        t.add(w.addTensor("output.weight", new long[] {e, s.vocab}, m));
        return t;
    }

    /**
     * Weight scale per tensor: norms are 1 (plus noise), matrices ~ 1/sqrt(fan-in), the output
     * head larger so that logits spread over a few units and ties stay rare.
     */
    private static float scale(GgufTensorInfo t) {
        long fanIn = t.dims()[0];
        if (t.name().equals("token_embd.weight")) {
            return 1f;
        }
        if (t.name().equals("output.weight")) {
            return (float) (4.0 / Math.sqrt(fanIn));
        }
        return (float) (1.0 / Math.sqrt(fanIn));
    }

    private static void writeTensor(ModelSpec spec, int index, GgufTensorInfo t, OutputStream out) throws IOException {
        WeightStream rng = new WeightStream(spec.seed(), index);
        boolean norm = t.dims().length == 1;
        float scale = scale(t);
        long remaining = t.elements();
        float[] values = new float[CHUNK];
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * 4).order(ByteOrder.LITTLE_ENDIAN);
        while (remaining > 0) {
            int n = (int) Math.min(CHUNK, remaining);
            for (int i = 0; i < n; i++) {
                float r = rng.nextSymmetric();
                values[i] = norm ? 1f + 0.1f * r : r * scale;
            }
            buf.clear();
            switch (t.type()) {
                case F32 -> {
                    for (int i = 0; i < n; i++) {
                        buf.putFloat(values[i]);
                    }
                }
                case F16 -> {
                    for (int i = 0; i < n; i++) {
                        buf.putShort(HalfFloat.fromFloat(values[i]));
                    }
                }
                case Q8_0 -> Q8Block.quantize(values, n, buf);
                default -> throw new IllegalStateException("cannot write " + t.type());
            }
            out.write(buf.array(), 0, buf.position());
            remaining -= n;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
