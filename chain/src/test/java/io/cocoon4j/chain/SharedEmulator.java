package io.cocoon4j.chain;

import io.cocoon4j.chain.emulator.TvmEmulator;

/** One emulator for the whole test JVM: its start-up is paid once, every test class gets its own LocalChain. */
final class SharedEmulator {
    private static TvmEmulator emulator;

    private SharedEmulator() {}

    static synchronized TvmEmulator get() {
        if (emulator == null) {
            emulator = TvmEmulator.create();
        }
        return emulator;
    }
}
