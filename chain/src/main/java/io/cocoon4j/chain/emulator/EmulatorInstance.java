package io.cocoon4j.chain.emulator;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.ChicoryException;
import java.nio.charset.StandardCharsets;

/**
 * One instantiated emulator WASM with one native transaction emulator (config + verbosity) inside:
 * the counterpart of the sandbox's Executor. Strings cross as NUL-terminated UTF-8 in WASM memory;
 * results come back as C strings (JSON) that the caller frees.
 *
 * <p>Not thread-safe, and needs a thread with a large stack: see {@link TvmEmulator}.
 */
final class EmulatorInstance {

    private final EmscriptenHost host;
    private final Memory memory;
    private final ExportFunction malloc;
    private final ExportFunction free;
    private final ExportFunction createEmulator;
    private final ExportFunction emulateWithEmulator;
    private final ExportFunction runGetMethod;
    private final ExportFunction version;
    private final int emulatorPtr;
    private final Instance instance;
    private final EmscriptenGlue glue;

    EmulatorInstance(EmulatorBinary binary, String configBoc, int verbosity) {
        this.host = new EmscriptenHost(binary.glue);
        Instance instance = Instance.builder(binary.module)
                .withImportValues(host.imports(binary.module))
                .withMachineFactory(binary.machineFactory)
                // ByteArrayMemory (about twice as fast here as ByteBufferMemory on Java 17) with atomics that
                // work on every JDK: see UnsharedMemory.
                .withMemoryFactory(UnsharedMemory::new)
                .build();
        host.bind(instance);
        this.instance = instance;
        this.glue = binary.glue;
        this.memory = instance.memory();
        this.malloc = instance.export(glue.export("_malloc"));
        this.free = instance.export(glue.export("_free"));
        this.createEmulator = instance.export(glue.export("_create_emulator"));
        this.emulateWithEmulator = instance.export(glue.export("_emulate_with_emulator"));
        this.runGetMethod = instance.export(glue.export("_run_get_method"));
        this.version = instance.export(glue.export("_version"));
        ExportFunction ctors = instance.export(glue.export("__wasm_call_ctors"));
        guarded(() -> ctors.apply());

        int config = cString(configBoc);
        try {
            this.emulatorPtr = (int) guarded(() -> createEmulator.apply(config, verbosity))[0];
        } finally {
            free.apply(config);
        }
        if (emulatorPtr == 0) {
            throw new EmulatorException("the emulator rejected the blockchain config (not a valid config BoC)"
                    + stderrSuffix());
        }
    }

    /** {@code _emulate_with_emulator(emulator, libs, shardAccount, message, params)} as JSON text. */
    String emulate(String libsBoc, String shardAccountBoc, String messageBoc, String paramsJson) {
        int libs = libsBoc == null ? 0 : cString(libsBoc);
        int account = cString(shardAccountBoc);
        int message = cString(messageBoc);
        int params = cString(paramsJson);
        String result = takeString(guarded(() -> emulateWithEmulator.apply(emulatorPtr, libs, account, message, params)));
        freeAll(libs, account, message, params);
        return result;
    }

    /** {@code _run_get_method(params, stack, config)} as JSON text. */
    String runGetMethod(String paramsJson, String stackBoc, String configBoc) {
        int params = cString(paramsJson);
        int stack = cString(stackBoc);
        int config = cString(configBoc);
        String result = takeString(guarded(() -> runGetMethod.apply(params, stack, config)));
        freeAll(params, stack, config);
        return result;
    }

    String version() {
        return takeString(guarded(() -> version.apply()));
    }

    /**
     * Calls an export with raw arguments, guarded like every call. Lets tests drive the emulator into
     * a genuine trap (say, a pointer past the end of memory) to check that it recovers.
     */
    long[] callRaw(String exportRole, long... args) {
        ExportFunction function = instanceExport(exportRole);
        return guarded(() -> function.apply(args));
    }

    private interface WasmCall {
        long[] run();
    }

    /**
     * Runs a call into the WASM; anything but a normal return (trap, abort, uncaught C++ exception,
     * JVM stack exhaustion) becomes {@link EmulatorTrap} after the runtime's stack and exception state
     * are reset. The heap may still hold the aborted call's garbage (its arguments are not freed
     * either): callers drop this instance.
     */
    private long[] guarded(WasmCall call) {
        int sp = host.stackPointer();
        try {
            return call.run();
        } catch (CppThrow e) {
            host.recover(sp);
            throw new EmulatorTrap("uncaught C++ exception inside the emulator" + stderrSuffix(), e);
        } catch (WasmAbort e) {
            host.recover(sp);
            throw new EmulatorTrap(e.getMessage(), e);
        } catch (ChicoryException e) {
            host.recover(sp);
            throw new EmulatorTrap("the emulator trapped: " + e.getMessage() + stderrSuffix(), e);
        } catch (StackOverflowError e) {
            host.recover(sp);
            throw new EmulatorTrap("the emulator exhausted the JVM thread stack", e);
        }
    }

    private ExportFunction instanceExport(String role) {
        return instance.export(glue.export(role));
    }

    private String stderrSuffix() {
        String text = host.drainStderr().strip();
        return text.isEmpty() ? "" : " (emulator stderr: " + text + ")";
    }

    private int cString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int ptr = (int) malloc.apply(bytes.length + 1)[0];
        if (ptr == 0) {
            throw new EmulatorTrap("the emulator is out of memory (malloc of " + (bytes.length + 1) + " bytes)", null);
        }
        memory.write(ptr, bytes, 0, bytes.length);
        memory.writeByte(ptr + bytes.length, (byte) 0);
        return ptr;
    }

    private String takeString(long[] result) {
        int ptr = (int) result[0];
        if (ptr == 0) {
            throw new EmulatorTrap("the emulator returned no result" + stderrSuffix(), null);
        }
        try {
            return memory.readCString(ptr, StandardCharsets.UTF_8);
        } finally {
            free.apply(ptr);
        }
    }

    private void freeAll(int... ptrs) {
        for (int ptr : ptrs) {
            if (ptr != 0) {
                free.apply(ptr);
            }
        }
    }

    /** A call that ended abnormally; the instance should be replaced. */
    static final class EmulatorTrap extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EmulatorTrap(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
