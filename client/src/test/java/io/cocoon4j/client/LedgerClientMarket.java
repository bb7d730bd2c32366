package io.cocoon4j.client;

import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.runner.job.LedgerMarket;
import io.cocoon4j.runner.job.SignedCommitment;
import io.cocoon4j.runner.job.TestJobs;
import io.cocoon4j.runner.service.TestRunner;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Tests only: the client's side of the runner tests' {@link LedgerMarket} stand-in, with one
 * runner's offer. Job ids are random, as addresses derived from a fresh nonce would be.
 */
final class LedgerClientMarket implements ClientMarket {
    private final LedgerMarket ledger;
    private final RunnerOffer offer;
    private final SecureRandom random = new SecureRandom();

    LedgerClientMarket(LedgerMarket ledger, RunnerOffer offer) {
        this.ledger = ledger;
        this.offer = offer;
    }

    /** {@code runner}'s offer at {@code price} nanotons per token. */
    static RunnerOffer offer(TestRunner runner, long price) {
        return new RunnerOffer(runner.server.uri(), TestRunner.OPERATOR, runner.enclave.identityKey().rawPublicKey(),
            TestJobs.modelSha256(), new EngineId(runner.engine.engineId().value()), TestJobs.CONTEXT, price);
    }

    @Override
    public List<RunnerOffer> offers(Hash32 modelSha256) {
        return offer.modelSha256().equals(modelSha256) ? List.of(offer) : List.of();
    }

    @Override
    public JobSpec createJob(JobOrder order) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        JobSpec spec = new JobSpec(Hash32.of(id), order.offer().modelSha256(), order.offer().engine(),
            order.offer().contextLength(), order.inputCommitment(), order.sampling(), order.maxTokens());
        ledger.createJob(spec);
        return spec;
    }

    @Override
    public Optional<SignedCommitment> commitment(Hash32 jobId) {
        return ledger.commitment(jobId);
    }
}
