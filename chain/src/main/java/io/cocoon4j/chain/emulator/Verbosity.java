package io.cocoon4j.chain.emulator;

/** How much the TVM writes to the VM log, as in the sandbox (short is cheapest). */
public enum Verbosity {
    SHORT(0),
    FULL(1),
    FULL_LOCATION(2),
    FULL_LOCATION_GAS(3),
    FULL_LOCATION_STACK(4),
    FULL_LOCATION_STACK_VERBOSE(5);

    private final int level;

    Verbosity(int level) {
        this.level = level;
    }

    /** The emulator's numeric level. */
    public int level() {
        return level;
    }
}
