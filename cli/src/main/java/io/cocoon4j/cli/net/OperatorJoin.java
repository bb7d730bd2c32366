package io.cocoon4j.cli.net;

import io.cocoon4j.chain.Transfer;
import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.SimulatedEvidence;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.operator.OperatorContract;
import io.cocoon4j.wrappers.root.RootContract;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ton.ton4j.address.Address;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Registers the wallet's operator (runner or verifier) through the network's root with a stake,
 * then reads the operator contract back. Shared by {@code cocoon runner join} and
 * {@code cocoon verifier join}; the role-specific parts are {@link #role()} and {@link #models}.
 */
abstract class OperatorJoin {
    static final String[] STATUS = {"active", "unbonding", "exited", "jailed"};

    @Option(names = "--wallet", required = true, paramLabel = "NAME",
            description = "The wallet that pays the stake and owns the operator (create one with `cocoon wallet create NAME`).")
    String wallet;

    @Option(names = "--stake", paramLabel = "TON",
            description = "Stake on top of the registration fee (default: just the root's minimum for the role).")
    String stake;

    @Mixin
    NetworkOptions net;

    @Mixin
    SecretOptions secret;

    @Mixin
    ReportOptions output;

    /** 1 runner, 2 verifier (the root's roles). */
    abstract int role();

    abstract String roleName();

    /** The models (uint256 hash -> price per token) a runner serves; empty for verifiers. */
    abstract Map<BigInteger, BigInteger> models();

    int join() {
        if (!net.isLocal()) {
            // Fail closed: only a real TDX quote may back an operator on a public network, and this
            // command cannot produce one yet.
            throw new IllegalStateException("joining " + net.name() + " needs an Intel TDX enclave whose measurement"
                    + " the root allows; this version of `cocoon " + roleName() + " join` registers with the simulated"
                    + " enclave, which only a local network accepts. Nothing was sent.");
        }
        NetworkFile nf = NetworkFile.read(net.name());
        if (!nf.json().path("simulated_enclave_allowed").asBoolean(false)) {
            throw new IllegalStateException("the local root was deployed without --allow-simulated, so it refuses the"
                    + " simulated enclave: redeploy with `cocoon deploy --network local --wallet NAME --allow-simulated`");
        }
        ToncenterChain chain = net.connect();
        Wallet owner = DeployCommand.open(wallet, net, secret, chain);
        RootContract root = new RootContract(chain, Address.of(nf.rootAddress()));
        SimulatedEnclave enclave = LocalDev.enclave(wallet);
        for (BigInteger model : models().keySet()) {
            if (root.getModelCap(model).signum() == 0) {
                throw new IllegalStateException("the root does not allow model " + model.toString(16)
                        + " (its owner adds it with `cocoon deploy --allow-model SHA256`); nothing was sent");
            }
        }
        BigInteger value = root.getRegisterValue(role())
                .add(stake == null ? BigInteger.ZERO : WalletCommand.nanotons(stake));
        BigInteger have = chain.account(owner.address()).balance();
        if (have.compareTo(value) <= 0) {
            throw new IllegalStateException("wallet " + wallet + " has " + WalletCommand.ton(have) + " TON; joining as a "
                    + roleName() + " sends " + WalletCommand.ton(value) + " TON: fund it first");
        }
        var t = root.sendRegisterOperator(owner, value, role(), Bits.of(enclave.identityKey().rawPublicKey()),
                LocalDev.simulatedMeasurement(), evidenceSha256(enclave, owner.address()), models()).trace();
        DeployCommand.requireSuccess(t, "register_operator");
        OperatorContract op = new OperatorContract(chain,
                root.getOperatorAddress(MsgAddress.of(owner.address())).toAddress().orElseThrow());
        OperatorContract.GetOperatorResult s = op.getOperator();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("network", net.name());
        r.put("role", roleName());
        r.put("operator_address", net.friendly(op.address(), true));
        r.put("operator_address_raw", op.address().toRaw());
        r.put("status", s.status() < STATUS.length ? STATUS[(int) s.status()] : String.valueOf(s.status()));
        r.put("stake_nanoton", s.stake().toString());
        r.put("enclave_key", Hash32.of(enclave.identityKey().rawPublicKey()).hex());
        r.put("verifiers_registered", root.getVerifierCount());
        output.print(r);
        return s.status() == 0 && s.role() == role() ? 0 : 1;
    }

    /** SHA-256 of the simulated evidence binding the enclave key to this operator (what the root records). */
    static Bits evidenceSha256(SimulatedEnclave enclave, Address owner) {
        try {
            SimulatedEvidence e = (SimulatedEvidence) enclave.evidence(OperatorAddress.of(owner), new byte[0]);
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(SimulatedEvidence.signedBytes(e.measurement(), e.reportData()));
            d.update(e.signerKey());
            d.update(e.signature());
            return Bits.of(d.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("the simulated enclave could not produce evidence: " + ex.getMessage(), ex);
        }
    }

    static BigInteger uint256(Bits b) {
        return new BigInteger(1, b.toByteArray());
    }
}
