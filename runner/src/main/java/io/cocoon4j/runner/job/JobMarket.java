package io.cocoon4j.runner.job;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.runner.journal.SignedMessage;
import java.util.Optional;

/**
 * The chain as one runner's operator sees it: read jobs, sign and send actions from the operator's
 * wallet, follow what landed. The contract wiring implements it over the job contract's client and
 * a wallet; {@link JobLifecycle} journals every message between {@link #sign} and {@link #send}.
 *
 * <p>Implementations must never sign two live messages with the same wallet seqno for different
 * actions (serialise signing per wallet, or use a wallet with independent query ids), and must make
 * {@link #send} of an already landed message harmless (TON wallets refuse a used seqno).
 */
public interface JobMarket {

    /**
     * The job as its contract holds it, empty if there is no such job.
     *
     * @throws ChainUnavailableException if the chain cannot be read now
     */
    Optional<ChainJob> job(Hash32 jobId);

    /**
     * Signs (does not send) {@code action} as a message from the operator's wallet, with the next
     * seqno and a bounded validity.
     *
     * @throws ChainUnavailableException if the wallet's seqno cannot be read now
     */
    SignedMessage sign(ChainAction action);

    /**
     * Sends exactly these bytes.
     *
     * @throws ChainUnavailableException if the chain cannot be reached now
     */
    void send(SignedMessage message);

    /**
     * What became of a message.
     *
     * @throws ChainUnavailableException if the chain cannot be read now
     */
    MessageFate fate(SignedMessage message);
}
