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
    /**
     * TD report 1.5 only: the platform runs an up-to-date TDX module (TEE_TCB_SVN2) but this TD was
     * launched on an out-of-date one (TEE_TCB_SVN) and keeps running its code until relaunched.
     */
    TDRelaunchAdvised,
    /** {@link #TDRelaunchAdvised}, and the platform also needs configuration. */
    TDRelaunchAdvisedConfigurationNeeded,
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

    /** Whether the status says the platform needs configuration. */
    public boolean needsConfiguration() {
        return this == ConfigurationNeeded || this == ConfigurationAndSWHardeningNeeded
            || this == OutOfDateConfigurationNeeded || this == TDRelaunchAdvisedConfigurationNeeded;
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
