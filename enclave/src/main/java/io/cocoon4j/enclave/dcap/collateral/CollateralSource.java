package io.cocoon4j.enclave.dcap.collateral;

import java.time.Instant;

/** Where collateral comes from: a directory of files, or a PCS/PCCS-compatible service with a cache. */
public interface CollateralSource {
    /**
     * The collateral for a platform.
     *
     * @param platform FMSPC and PCK CA from the quote's PCK certificate
     * @param at the verification time; a caching source returns entries still valid then
     * @throws CollateralException if it is missing, malformed or unreachable
     */
    Collateral forPlatform(PlatformRef platform, Instant at) throws CollateralException;
}
