/** DCAP collateral (TCB info, QE identity, CRLs) from a directory or a PCS/PCCS-compatible service with a disk cache. */
package io.cocoon4j.enclave.dcap.collateral;
