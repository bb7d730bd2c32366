package io.cocoon4j.client;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.runner.job.SignedCommitment;
import java.util.List;
import java.util.Optional;

/**
 * The chain as a paying client sees it. The contract wiring implements it: offers from the root's
 * registry, job creation through the root (journaled like every signed message), commitments from
 * the job contract.
 */
public interface ClientMarket {

    /**
     * Active runners serving {@code modelSha256}, cheapest first.
     *
     * @throws io.cocoon4j.runner.job.ChainUnavailableException if the chain cannot be read now
     */
    List<RunnerOffer> offers(Hash32 modelSha256);

    /**
     * Creates and pays for a job; returns its spec as the chain fixed it (with the job id).
     *
     * @throws io.cocoon4j.runner.job.ChainUnavailableException if the job could not be created now
     */
    JobSpec createJob(JobOrder order);

    /**
     * The commitment posted for a job, empty until the runner commits.
     *
     * @throws io.cocoon4j.runner.job.ChainUnavailableException if the chain cannot be read now
     */
    Optional<SignedCommitment> commitment(Hash32 jobId);
}
