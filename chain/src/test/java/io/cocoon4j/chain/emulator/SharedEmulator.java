package io.cocoon4j.chain.emulator;

/** One emulator per test JVM: loading and instantiating the WASM is the slow part. */
final class SharedEmulator {
    private static TvmEmulator emulator;

    private SharedEmulator() {
    }

    static synchronized TvmEmulator get() {
        if (emulator == null) {
            emulator = TvmEmulator.create();
        }
        return emulator;
    }
}
