/**
 * Pure-Java verification of Intel TDX DCAP quotes (v4 and v5).
 *
 * <p>Entry point: {@link io.cocoon4j.enclave.dcap.QuoteVerifier#verify(byte[],
 * io.cocoon4j.enclave.dcap.collateral.CollateralSource, java.time.Instant, io.cocoon4j.enclave.dcap.QuotePolicy)},
 * returning a {@link io.cocoon4j.enclave.dcap.Verdict} that lists every {@link io.cocoon4j.enclave.dcap.CheckId}
 * with its outcome and reason. Sub-packages: {@code quote} (parsing), {@code pki} (pinned Intel
 * root, chains, CRLs, raw P-256), {@code collateral} (TCB info, QE identity, files and PCS/PCCS
 * client), {@code tcb} (the TCB level walk), {@code ccel} (event log replay into RTMRs).
 */
package io.cocoon4j.enclave.dcap;
