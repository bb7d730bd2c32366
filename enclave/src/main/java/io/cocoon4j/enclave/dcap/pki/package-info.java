/** Intel's DCAP PKI: the pinned SGX Root CA, PCK certificate extension, chain and CRL checks, raw P-256 ECDSA. */
package io.cocoon4j.enclave.dcap.pki;
