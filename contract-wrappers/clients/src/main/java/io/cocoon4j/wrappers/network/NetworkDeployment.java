package io.cocoon4j.wrappers.network;

import io.cocoon4j.chain.Sender;
import io.cocoon4j.chain.TonChain;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.operator.OperatorContract;
import io.cocoon4j.wrappers.root.Config;
import io.cocoon4j.wrappers.root.RootCodes;
import io.cocoon4j.wrappers.root.RootContract;
import io.cocoon4j.wrappers.root.RootLists;
import io.cocoon4j.wrappers.root.RootStorage;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.ton.ton4j.address.Address;

/**
 * Deploys a network's root contract from a {@link NetworkParams}, so that the contracts and the
 * economics simulation read their policy from one record. The root starts with empty allow-lists
 * and an empty verifier registry; its owner fills them with {@code allow_measurement} and
 * {@code set_model}.
 */
public final class NetworkDeployment {
    private NetworkDeployment() {}

    /** The root's config cell for {@code params}, field for field. */
    public static Config config(NetworkParams params) {
        NetworkParams.Stakes s = params.stakes();
        NetworkParams.Deadlines d = params.deadlines();
        NetworkParams.Slashing x = params.slashing();
        NetworkParams.Jury j = params.jury();
        NetworkParams.Fees f = params.fees();
        return new Config(big(s.minRunnerStake()), big(s.verifierBond()), s.jobLockBps(), big(s.minJobLock()),
                d.acceptWindow(), d.commitWindow(), d.challengeWindow(), d.unbondingDelay(), d.seedWindow(),
                d.voteCommitWindow(), d.voteRevealWindow(),
                x.fraudSlashBps(), x.missedDeadlineSlashBps(), x.equivocationSlashBps(), x.challengerShareBps(),
                x.clientShareBps(),
                j.size(), j.quorum(), big(j.jurorReward()), big(j.absenceFine()),
                f.protocolFeeBps(), f.auditFeeBps());
    }

    /** A root's initial storage: config version 1, the children's compiled code, empty lists. */
    public static RootStorage rootStorage(Address owner, NetworkParams params) {
        return new RootStorage(MsgAddress.of(owner), Optional.empty(), 1, config(params),
                new RootLists(Map.of(), Map.of(), 0, Map.of(), Map.of()),
                new RootCodes(OperatorContract.code(), JobContract.code()));
    }

    /**
     * Deploys a root owned by {@code owner} (which pays {@code value}, its first treasury and
     * storage reserve).
     */
    public static RootContract deployRoot(TonChain chain, Sender owner, NetworkParams params, BigInteger value) {
        return RootContract.deploy(chain, owner, rootStorage(owner.address(), params), value);
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
