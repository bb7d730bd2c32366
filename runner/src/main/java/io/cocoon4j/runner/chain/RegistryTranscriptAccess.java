package io.cocoon4j.runner.chain;

import io.cocoon4j.enclave.ratls.RaTlsPeer;
import io.cocoon4j.runner.service.TranscriptAccess;
import io.cocoon4j.wrappers.root.RootContract;
import io.cocoon4j.chain.ChainException;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Transcript access for bonded verifiers: the attested peer's operator (the wallet its enclave
 * evidence binds) must be in the root's verifier registry now. Reads the registry on every check
 * ({@code get_verifier_count}, then {@code get_verifier_at} until a match), so a verifier that left
 * loses access at once; a chain that cannot be read refuses (fails closed).
 */
public final class RegistryTranscriptAccess implements TranscriptAccess {
    private final RootContract root;

    public RegistryTranscriptAccess(RootContract root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    @Override
    public boolean allows(RaTlsPeer peer) {
        if (peer.operator().workchain() != 0) {
            return false; // the registry holds account ids of workchain 0 only
        }
        BigInteger wanted = new BigInteger(1, peer.operator().hash());
        try {
            long count = root.getVerifierCount();
            for (long i = 0; i < count; i++) {
                if (root.getVerifierAt(i).equals(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (ChainException e) {
            return false;
        }
    }
}
