package io.cocoon4j.enclave.dcap.collateral;

import java.time.Instant;

/** Where collateral comes from: a directory of files, or a PCS/PCCS-compatible service with a cache. */
public interface CollateralSource {
    /**
     * The collateral for a platform.
     *
     * @param fmspc lower-case hex FMSPC from the PCK certificate (selects the TCB info)
     * @param at the verification time; a caching source returns entries still valid then
     * @throws CollateralException if it is missing, malformed or unreachable
     */
    Collateral forPlatform(String fmspc, Instant at) throws CollateralException;
}
