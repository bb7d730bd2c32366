package io.cocoon4j.chain.emulator;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The emulator WASM, parsed and translated to JVM bytecode once per JVM and shared by every
 * instance (both are immutable). Translation goes through {@link CompiledClassCache}.
 */
final class EmulatorBinary {

    private static volatile EmulatorBinary shared;

    final EmscriptenGlue glue;
    final WasmModule module;
    final Function<Instance, Machine> machineFactory;

    private EmulatorBinary(EmscriptenGlue glue, WasmModule module, Function<Instance, Machine> machineFactory) {
        this.glue = glue;
        this.module = module;
        this.machineFactory = machineFactory;
    }

    static EmulatorBinary get() {
        EmulatorBinary result = shared;
        if (result == null) {
            synchronized (EmulatorBinary.class) {
                result = shared;
                if (result == null) {
                    result = load();
                    shared = result;
                }
            }
        }
        return result;
    }

    private static EmulatorBinary load() {
        EmscriptenGlue glue = EmscriptenGlue.load();
        WasmModule module;
        try (InputStream in = EmulatorBinary.class.getResourceAsStream("emulator.wasm")) {
            if (in == null) {
                throw new IllegalStateException("emulator.wasm is missing from the classpath: the chain module's "
                        + "build extracts it from @ton/sandbox (run the build with node_modules present)");
            }
            module = Parser.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator.wasm", e);
        }
        Function<Instance, Machine> factory = MachineFactoryCompiler.builder(module)
                .withCache(new CompiledClassCache(CompiledClassCache.defaultDir(glue.wasmSha256())))
                // Two giant functions exceed JVM method limits; Chicory interprets those, correctly.
                .withInterpreterFallback(InterpreterFallback.SILENT)
                .compile();
        return new EmulatorBinary(glue, module, factory);
    }
}
