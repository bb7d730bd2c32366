package io.cocoon4j.chain.emulator;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/**
 * The emulator WASM as the build left it: Chicory's build-time compiler translated every function
 * to JVM bytecode ({@code EmulatorWasm*} classes, generated from the pinned @ton/sandbox WASM by
 * chain/pom.xml), keeping only a stripped module (types, data, the two functions too big for a JVM
 * method, which Chicory interprets) to parse at run time. Loaded once per JVM, shared by every
 * instance: both the module and the machine factory are immutable.
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
                    result = new EmulatorBinary(EmscriptenGlue.load(), EmulatorWasm.load(), EmulatorWasm::create);
                    shared = result;
                }
            }
        }
        return result;
    }
}
