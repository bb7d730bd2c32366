package io.cocoon4j.runner.chain;

import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.TonChain;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.runner.job.ChainAction;
import io.cocoon4j.runner.job.ChainJob;
import io.cocoon4j.runner.job.ChainUnavailableException;
import io.cocoon4j.runner.job.JobMarket;
import io.cocoon4j.runner.job.JobState;
import io.cocoon4j.runner.job.MessageFate;
import io.cocoon4j.runner.journal.SignedMessage;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.job.JobMsg;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;

/**
 * {@link JobMarket} over the job contracts and the operator's wallet v4 on any {@link TonChain}.
 *
 * <p>Signing reads the wallet's seqno from the chain, so it must not be called again before the
 * previous message landed or expired ({@link io.cocoon4j.runner.job.JobLifecycle} sends each message
 * before it signs the next; this class serialises its own calls). Each message attaches the value
 * the job's {@code get_required_value} asks for (fees plus, for {@code accept}, the operator's
 * confirmation budget); the stake lock itself comes from the operator contract.
 *
 * <p>Limits: two jobs signing at once may both get the same seqno; one lands, the other reads as
 * {@link MessageFate#EXPIRED} as soon as the seqno has passed, and the lifecycle signs it again.
 * {@link #fate} looks for the message among the wallet's 64 newest transactions: on a wallet busier
 * than that, a landed message can read as expired, and the action is signed again and refused by the
 * job contract (the lifecycle then reads the job's state).
 */
public final class ContractJobMarket implements JobMarket {
    /** How many of the wallet's newest transactions {@link #fate} searches for a landed message. */
    private static final int FATE_HORIZON = 64;

    private final TonChain chain;
    private final WalletV4 wallet;
    private final ChainSpecs specs;
    private final Duration validity;

    /**
     * @param chain where the contracts live
     * @param wallet the operator's wallet (the owner its operator contract was registered for)
     * @param specs the engines and sampling specs this runner can read back from job specs
     * @param validity how long a signed message may land, at most {@link WalletV4#VALIDITY_SECONDS} is typical
     */
    public ContractJobMarket(TonChain chain, WalletV4 wallet, ChainSpecs specs, Duration validity) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.specs = Objects.requireNonNull(specs, "specs");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a validity is positive, got " + validity);
        }
        this.validity = validity;
    }

    @Override
    public Optional<ChainJob> job(Hash32 jobId) {
        return reading(() -> {
            Address address = JobAddresses.address(jobId);
            if (!chain.account(address).isActive()) {
                return Optional.empty();
            }
            Optional<io.cocoon4j.wrappers.job.JobState> st = new JobContract(chain, address).storage().state();
            if (st.isEmpty()) {
                return Optional.empty();
            }
            Optional<JobSpec> spec = specs.fromChain(jobId,
                // the job's copy of the spec has the root's TL-B, so the same cell
                io.cocoon4j.wrappers.root.JobSpec.fromCell(st.get().params().spec().toCell()));
            return spec.map(s -> new ChainJob(s, stateOf(st.get())));
        });
    }

    /** Job status codes of job.tlb, seen from this runner. */
    private JobState stateOf(io.cocoon4j.wrappers.job.JobState st) {
        int status = (int) st.status();
        if (status == 0) {
            return new JobState.Open();
        }
        boolean mine = st.runner().map(r -> r.owner().equals(MsgAddress.of(wallet.address()))).orElse(false);
        if (status == 10) {
            return new JobState.Closed("cancelled: nobody accepted it in time");
        }
        if (!mine) {
            return new JobState.Closed("taken by another runner");
        }
        return switch (status) {
            // 1: the operator's lock confirmation is still on its way; on a settled chain it is 2 at once
            case 1, 2 -> new JobState.Accepted();
            case 3 -> new JobState.Committed(Instant.ofEpochSecond(st.deadline()));
            case 4, 5, 6, 7, 8 -> new JobState.Challenged();
            case 9 -> new JobState.Finalized();
            case 11 -> new JobState.Closed("expired: the commit deadline passed");
            case 12 -> new JobState.Closed("slashed for equivocation");
            case 13 -> new JobState.Closed("the jury found the result wrong");
            default -> throw new ChainUnavailableException("job status " + status + " is unknown to this runner");
        };
    }

    @Override
    public synchronized SignedMessage sign(ChainAction action) {
        return reading(() -> {
            Address jobAddress = JobAddresses.address(action.jobId());
            JobContract job = new JobContract(chain, jobAddress);
            AccountState state = chain.account(wallet.address());
            long seqno = wallet.seqno();
            BigInteger queryId = BigInteger.valueOf(seqno);
            JobMsg body;
            long op;
            if (action instanceof ChainAction.Accept) {
                body = new JobMsg.Accept(queryId);
                op = JobMsg.Accept.TAG;
            } else if (action instanceof ChainAction.Commit c) {
                body = new JobMsg.Commit(queryId, Bits.of(c.commitment().signature()),
                    ContractCommitmentEncoding.cell(c.commitment().commitment()));
                op = JobMsg.Commit.TAG;
            } else {
                body = new JobMsg.Finalize(queryId);
                op = JobMsg.Finalize.TAG;
            }
            BigInteger value = job.getRequiredValue(op);
            long validUntil = chain.now() + validity.toSeconds();
            Cell signed = wallet.signedBody(List.of(Transfer.of(jobAddress, value, body.toCell())), seqno, validUntil);
            Cell message = Messages.externalIn(wallet.address(), state.isActive() ? null : wallet.stateInit(), signed);
            return new SignedMessage(message.toBoc(), seqno, Instant.ofEpochSecond(validUntil));
        });
    }

    @Override
    public synchronized void send(SignedMessage message) {
        reading(() -> {
            try {
                chain.sendExternalBoc(message.bytes());
            } catch (MessageRejectedException e) {
                // The wallet refuses a used seqno or a message past valid_until: a resent copy of a
                // landed message is harmless, and fate() tells which it was.
            }
            return null;
        });
    }

    @Override
    public MessageFate fate(SignedMessage message) {
        return reading(() -> {
            Hash32 sent = Hash32.of(Messages.fromBoc(message.bytes()).getHash());
            if (wallet.seqno() > message.seqno()) {
                for (ChainTransaction tx : chain.transactions(wallet.address(), FATE_HORIZON)) {
                    if (tx.inMessage().map(m -> m.hash().equals(sent)).orElse(false)) {
                        return MessageFate.LANDED;
                    }
                }
                // another message took this seqno: this one can never land
                return MessageFate.EXPIRED;
            }
            return chain.now() > message.validUntil().getEpochSecond() ? MessageFate.EXPIRED : MessageFate.PENDING;
        });
    }

    /** Runs a chain call, turning an unreachable chain into the runner's typed exception. */
    private static <T> T reading(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (io.cocoon4j.chain.ChainUnavailableException e) {
            throw new ChainUnavailableException("the chain cannot be reached: " + e.getMessage(), e);
        }
    }
}
