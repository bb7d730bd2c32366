package io.cocoon4j.chain.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the host needs to know about the one emscripten build shipped in the emulator WASM: the
 * minified import and export names and the addresses of its inline-JS snippets. The build derives
 * them from the sandbox's JS glue (chain/src/build/extract-emulator.js) into
 * {@code emscripten.properties}; nothing here is copied by hand.
 */
final class EmscriptenGlue {

    /** What an inline-JS snippet (EM_ASM) of the glue does. */
    enum AsmSnippet { RANDOM_INIT, RANDOM_VALUE, THROW_STRING }

    private final String importModule;
    private final Map<String, String> importRoleByName = new HashMap<>();
    private final Map<String, String> exportNameByRole = new HashMap<>();
    private final Map<Integer, AsmSnippet> asmByAddress = new HashMap<>();
    private final String sandboxVersion;
    private final String wasmSha256;

    private EmscriptenGlue(Properties props) {
        this.importModule = required(props, "import.module");
        this.sandboxVersion = required(props, "sandbox.version");
        this.wasmSha256 = required(props, "wasm.sha256");
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            if (key.startsWith("import.") && !key.equals("import.module")) {
                importRoleByName.put(value, key.substring("import.".length()));
            } else if (key.startsWith("export.")) {
                exportNameByRole.put(key.substring("export.".length()), value);
            } else if (key.startsWith("asm.")) {
                asmByAddress.put(Integer.parseInt(key.substring("asm.".length())),
                        AsmSnippet.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
            }
        }
    }

    static EmscriptenGlue load() {
        try (InputStream in = EmscriptenGlue.class.getResourceAsStream("emscripten.properties")) {
            if (in == null) {
                throw new IllegalStateException("emscripten.properties is missing from the classpath: "
                        + "the chain module's build extracts it from @ton/sandbox (run the build with node_modules present)");
            }
            Properties props = new Properties();
            props.load(in);
            return new EmscriptenGlue(props);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emscripten.properties", e);
        }
    }

    private static String required(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("emscripten.properties lacks " + key);
        }
        return value;
    }

    String importModule() {
        return importModule;
    }

    /** The glue's name (for example {@code ___cxa_throw} or {@code invoke_vii}) of a minified import. */
    String importRole(String minifiedName) {
        String role = importRoleByName.get(minifiedName);
        if (role == null) {
            throw new IllegalStateException("the emulator WASM imports '" + minifiedName + "', unknown to its glue");
        }
        return role;
    }

    /** The minified export name of the glue's {@code role} (for example {@code _malloc}). */
    String export(String role) {
        String name = exportNameByRole.get(role);
        if (name == null) {
            throw new IllegalStateException("emscripten.properties has no export " + role);
        }
        return name;
    }

    AsmSnippet asmSnippet(int address) {
        AsmSnippet snippet = asmByAddress.get(address);
        if (snippet == null) {
            throw new IllegalStateException("the emulator called unknown inline-JS snippet at " + address);
        }
        return snippet;
    }

    String sandboxVersion() {
        return sandboxVersion;
    }

    String wasmSha256() {
        return wasmSha256;
    }
}
