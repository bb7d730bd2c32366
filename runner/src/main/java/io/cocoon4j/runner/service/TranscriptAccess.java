package io.cocoon4j.runner.service;

import io.cocoon4j.enclave.ratls.RaTlsPeer;

/**
 * Who may read a job's transcript during its challenge window. The RA-TLS handshake has already
 * verified the peer's enclave evidence under the runner's verifier policy; this decides whether
 * that attested operator is a verifier entitled to it (the contract wiring: a bonded verifier in
 * the root's registry). Unattested connections never reach it: they are refused.
 */
@FunctionalInterface
public interface TranscriptAccess {

    /** Whether {@code peer} may read transcripts. */
    boolean allows(RaTlsPeer peer);
}
