package io.cocoon4j.client.chain;

import io.cocoon4j.tlb.runtime.TlbDecodeException;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.TonChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.client.ClientMarket;
import io.cocoon4j.client.JobOrder;
import io.cocoon4j.client.RunnerOffer;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.runner.chain.ChainSpecs;
import io.cocoon4j.runner.chain.JobAddresses;
import io.cocoon4j.runner.job.ChainUnavailableException;
import io.cocoon4j.runner.job.ResultCommitment;
import io.cocoon4j.runner.job.SignedCommitment;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.Commitment;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.job.JobMsg;
import io.cocoon4j.wrappers.operator.OperatorContract;
import io.cocoon4j.wrappers.operator.OperatorState;
import io.cocoon4j.wrappers.root.RootContract;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.CellSlice;

/**
 * {@link ClientMarket} over the root and job contracts, paying from the client's wallet v4.
 *
 * <p>Offers join the {@link OfferDirectory}'s endpoints with what the chain says: a listed runner is
 * offered only while its operator contract is an active runner that lists the model, and the enclave
 * key and the price come from that contract, never from the directory. Jobs are created through
 * the root with {@code create_job} (escrow {@code maxTokens × price} plus the fees the root's
 * {@code get_create_job_value} asks for), at a fresh random nonce. Commitments are read from the
 * job contract, with the enclave signature taken from the {@code commit} message it accepted.
 *
 * <p>Not journaled yet: a client that crashes between sending {@code create_job} and reading the
 * job back does not know its nonce afterwards (the escrow comes back after the accept window).
 */
public final class ContractClientMarket implements ClientMarket {
    private static final int ROLE_RUNNER = 1;
    private static final int STATUS_COMMITTED = 3;
    /** How many of a job's newest transactions are searched for the commit that landed. */
    private static final int COMMIT_HORIZON = 64;

    private final TonChain chain;
    private final WalletV4 wallet;
    private final RootContract root;
    private final OfferDirectory directory;
    private final SecureRandom random = new SecureRandom();

    public ContractClientMarket(TonChain chain, WalletV4 wallet, RootContract root, OfferDirectory directory) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.root = Objects.requireNonNull(root, "root");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public List<RunnerOffer> offers(Hash32 modelSha256) {
        BigInteger model = new BigInteger(1, modelSha256.bytes());
        List<RunnerOffer> out = new ArrayList<>();
        try {
            for (OfferDirectory.Listing l : directory.listings()) {
                Optional<OperatorState> st = operatorState(l.operator());
                if (st.isEmpty() || st.get().role() != ROLE_RUNNER || st.get().status() != 0) {
                    continue;
                }
                BigInteger price = st.get().models().get(model);
                if (price == null || price.bitLength() > 63) {
                    continue;
                }
                out.add(new RunnerOffer(l.endpoint(), l.operator(), st.get().identity().enclaveKey().toByteArray(),
                    modelSha256, l.engine(), l.contextLength(), price.longValueExact()));
            }
        } catch (io.cocoon4j.chain.ChainUnavailableException e) {
            throw new ChainUnavailableException("the chain cannot be read: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(RunnerOffer::pricePerToken));
        return out;
    }

    private Optional<OperatorState> operatorState(OperatorAddress owner) {
        Address ownerAddress = Address.of(owner.workchain() + ":" + HexFormat.of().formatHex(owner.hash()));
        Optional<Address> at = root.getOperatorAddress(MsgAddress.of(ownerAddress)).toAddress();
        if (at.isEmpty() || !chain.account(at.get()).isActive()) {
            return Optional.empty();
        }
        return new OperatorContract(chain, at.get()).storage().state();
    }

    @Override
    public JobSpec createJob(JobOrder order) {
        RunnerOffer offer = order.offer();
        io.cocoon4j.wrappers.root.JobSpec spec = ChainSpecs.toChain(offer.modelSha256(), offer.engine(),
            offer.contextLength(), order.inputCommitment(), order.sampling(), order.maxTokens(), offer.pricePerToken());
        BigInteger nonce = BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE);
        try {
            BigInteger value = root.getCreateJobValue(order.maxTokens(), BigInteger.valueOf(offer.pricePerToken()));
            Address job = root.getJobAddress(MsgAddress.of(wallet.address()), nonce).toAddress()
                .orElseThrow(() -> new IllegalStateException("the root named no job address"));
            Trace trace = root.sendCreateJob(wallet, value, nonce, spec).trace();
            if (!trace.allSucceeded() || !chain.account(job).isActive()) {
                throw new ChainUnavailableException("the root did not create the job (exit codes: "
                    + exitCodes(trace) + "); the payment bounces back");
            }
            Hash32 jobId = JobAddresses.jobId(job);
            return new JobSpec(jobId, offer.modelSha256(), offer.engine(), offer.contextLength(), order.inputCommitment(),
                order.sampling(), order.maxTokens());
        } catch (io.cocoon4j.chain.ChainUnavailableException e) {
            throw new ChainUnavailableException("the chain cannot be reached: " + e.getMessage(), e);
        }
    }

    private static String exitCodes(Trace trace) {
        StringBuilder sb = new StringBuilder();
        for (ChainTransaction tx : trace.transactions()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(tx.exitCode().map(String::valueOf).orElse("skipped"));
        }
        return sb.toString();
    }

    @Override
    public Optional<SignedCommitment> commitment(Hash32 jobId) {
        Address address = JobAddresses.address(jobId);
        try {
            if (!chain.account(address).isActive()) {
                return Optional.empty();
            }
            Optional<io.cocoon4j.wrappers.job.JobState> st = new JobContract(chain, address).storage().state();
            if (st.isEmpty() || st.get().status() < STATUS_COMMITTED || st.get().commitment().isEmpty()) {
                return Optional.empty();
            }
            Commitment posted = st.get().commitment().get();
            return signatureOf(address, posted).map(sig -> new SignedCommitment(new ResultCommitment(jobId,
                Hash32.of(posted.resultHash().toByteArray()), (int) posted.tokenCount(),
                Hash32.of(posted.chunkRoot().toByteArray())), sig));
        } catch (io.cocoon4j.chain.ChainUnavailableException e) {
            throw new ChainUnavailableException("the chain cannot be read: " + e.getMessage(), e);
        }
    }

    /** The signature of the successful {@code commit} that posted {@code posted} (storage keeps no signature). */
    private Optional<byte[]> signatureOf(Address job, Commitment posted) {
        for (ChainTransaction tx : chain.transactions(job, COMMIT_HORIZON)) {
            if (!tx.succeeded() || tx.inMessage().isEmpty()
                    || !tx.inMessage().get().opCode().equals(Optional.of(JobMsg.Commit.TAG))) {
                continue;
            }
            try {
                if (JobMsg.load(CellSlice.beginParse(tx.inMessage().get().body())) instanceof JobMsg.Commit c
                        && c.commitment().equals(posted)) {
                    return Optional.of(c.signature().toByteArray());
                }
            } catch (TlbDecodeException e) {
                // not a well-formed commit: keep looking
            }
        }
        return Optional.empty();
    }
}
