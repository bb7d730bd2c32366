package io.cocoon4j.runner.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.cocoon4j.runner.model.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Finds and loads the llama.cpp shared library, once per JVM.
 *
 * <p>By default it is the CPU build that {@code de.kherud:llama} bundles (llama.cpp b4916): the file
 * is copied out of that jar into a cache directory keyed by its SHA-256
 * ({@code ~/.cache/cocoon4j/llama/<sha>/}, or {@code -Dcocoon.llama.cache=DIR}) and loaded with JNA.
 * Nothing is ever deleted there, unlike de.kherud's own loader which cleans its temp directory.
 *
 * <p>To use another build of the same release (a CUDA one, say), point
 * {@code -Dcocoon.llama.lib=/path/libllama.so} or the environment variable
 * {@code COCOON_LLAMA_LIB} at it; its dependencies (libggml*.so) must sit beside it or on the
 * loader path.
 */
final class NativeLibraryLoader {
    static final String LIB_PROPERTY = "cocoon.llama.lib";
    static final String LIB_ENV = "COCOON_LLAMA_LIB";
    static final String CACHE_PROPERTY = "cocoon.llama.cache";

    /** The loaded library and what identifies it. */
    record Loaded(LlamaNative api, NativeLibrary library, Path path, String sha256, String build, String commit) {}

    private static Loaded loaded;

    private NativeLibraryLoader() {}

    /** Whether the library is the one bundled in de.kherud:llama (not an override). */
    static boolean bundled() {
        String override = System.getProperty(LIB_PROPERTY, System.getenv(LIB_ENV));
        return override == null || override.isBlank();
    }

    static synchronized Loaded get() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    private static Loaded load() {
        Path path;
        String override = System.getProperty(LIB_PROPERTY, System.getenv(LIB_ENV));
        try {
            if (override != null && !override.isBlank()) {
                path = Path.of(override).toAbsolutePath();
                if (!Files.isRegularFile(path)) {
                    throw new NativeEngineException("llama.cpp library " + path + " (from -D" + LIB_PROPERTY
                        + " or " + LIB_ENV + ") does not exist");
                }
            } else {
                path = extractBundled();
            }
            String sha = ModelFiles.sha256(path);
            NativeLibrary lib = NativeLibrary.getInstance(path.toString());
            LlamaNative api = Native.load(path.toString(), LlamaNative.class,
                Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
            checkLayouts(api);
            api.llama_log_set(Logging.CALLBACK, null);
            api.llama_backend_init();
            return new Loaded(api, lib, path, sha, buildNumber(lib), commit(lib));
        } catch (IOException e) {
            throw new NativeEngineException("cannot prepare the llama.cpp library: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError e) {
            throw new NativeEngineException("cannot load the llama.cpp library: " + e.getMessage(), e);
        }
    }

    /** Struct sizes of b4916; a library of another release with other layouts is refused here. */
    private static void checkLayouts(LlamaNative api) {
        Map<String, Integer> expected = Map.of(
            "llama_model_params", 64, "llama_context_params", 120, "llama_batch", 56);
        int[] actual = {new LlamaNative.ModelParams().size(), new LlamaNative.ContextParams().size(),
            new LlamaNative.Batch().size()};
        if (actual[0] != expected.get("llama_model_params") || actual[1] != expected.get("llama_context_params")
            || actual[2] != expected.get("llama_batch")) {
            throw new NativeEngineException("JNA struct sizes do not match llama.cpp b4916: " + java.util.Arrays.toString(actual));
        }
        // Defaults that only come out right when every field sits where b4916 puts it.
        LlamaNative.ContextParams c = api.llama_context_default_params();
        LlamaNative.ModelParams m = api.llama_model_default_params();
        if (c.n_ctx != 512 || c.n_batch != 2048 || c.n_ubatch != 512 || c.n_seq_max != 1
            || c.yarn_attn_factor != 1f || c.yarn_beta_fast != 32f || c.offload_kqv != 1 || c.type_k != 1
            || m.use_mmap != 1 || m.use_mlock != 0) {
            throw new NativeEngineException("the llama.cpp library's parameter defaults do not match release b4916;"
                + " this binding supports b4916 only");
        }
    }

    private static Path extractBundled() throws IOException {
        String resource = bundledResource();
        byte[] bytes;
        try (InputStream in = NativeLibraryLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NativeEngineException("no bundled llama.cpp library for this platform (" + resource
                    + " is not on the class path); set -D" + LIB_PROPERTY);
            }
            bytes = in.readAllBytes();
        }
        String sha = HexFormat.of().formatHex(digest().digest(bytes));
        Path dir = cacheRoot().resolve(sha.substring(0, 16));
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.isRegularFile(target) && ModelFiles.sha256(target).equals(sha)) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".lib-", ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static Path cacheRoot() {
        String p = System.getProperty(CACHE_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cocoon4j").resolve("llama");
    }

    /** Where de.kherud:llama keeps the library for this OS and CPU. */
    private static String bundledResource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
        if (os.contains("linux")) {
            return "de/kherud/llama/Linux/" + a + "/libjllama.so";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "de/kherud/llama/Mac/" + a + "/libjllama.dylib";
        }
        if (os.contains("windows")) {
            return "de/kherud/llama/Windows/" + a + "/jllama.dll";
        }
        return "de/kherud/llama/" + os + "/" + a + "/unsupported";
    }

    /**
     * {@code LLAMA_BUILD_NUMBER} when the library exports it (builds that link llama.cpp's common
     * code do, like de.kherud's); a plain {@code libllama.so} does not, so its builder names it with
     * {@code -Dcocoon.llama.build=b4916}. The library's SHA-256 in the engine id pins the file either way.
     */
    private static String buildNumber(NativeLibrary lib) {
        try {
            return "b" + lib.getGlobalVariableAddress("LLAMA_BUILD_NUMBER").getInt(0);
        } catch (UnsatisfiedLinkError e) {
            return System.getProperty("cocoon.llama.build", "unknown");
        }
    }

    /** {@code LLAMA_COMMIT}, or {@code -Dcocoon.llama.commit} for libraries that do not export it. */
    private static String commit(NativeLibrary lib) {
        try {
            Pointer p = lib.getGlobalVariableAddress("LLAMA_COMMIT").getPointer(0);
            return p == null ? "unknown" : p.getString(0, "UTF-8");
        } catch (UnsatisfiedLinkError e) {
            return System.getProperty("cocoon.llama.commit", "unknown");
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
