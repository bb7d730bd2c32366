package io.cocoon4j.enclave.dcap.collateral;

import java.util.Optional;

/**
 * A TCB status as Intel's collateral names it, ordered from best to worst. Combining two
 * statuses (platform, TDX module, quoting enclave) takes the worse one, except that an
 * out-of-date TCB that also needs configuration becomes {@link #OutOfDateConfigurationNeeded}.
 */
public enum TcbStatus {
    UpToDate,
    SWHardeningNeeded,
    ConfigurationNeeded,
    ConfigurationAndSWHardeningNeeded,
    OutOfDate,
    OutOfDateConfigurationNeeded,
    Revoked;

    /** The status named {@code name} exactly as Intel spells it, or empty. */
    public static Optional<TcbStatus> named(String name) {
        for (TcbStatus s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private boolean needsConfiguration() {
        return this == ConfigurationNeeded || this == ConfigurationAndSWHardeningNeeded
            || this == OutOfDateConfigurationNeeded;
    }

    /** The combined status of two components of one platform. */
    public TcbStatus combine(TcbStatus other) {
        TcbStatus worse = compareTo(other) >= 0 ? this : other;
        if (worse == OutOfDate && (needsConfiguration() || other.needsConfiguration())) {
            return OutOfDateConfigurationNeeded;
        }
        return worse;
    }
}
