package io.cocoon4j.chain;

import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.tlb.ActionPhase;
import org.ton.ton4j.tlb.BouncePhaseNoFounds;
import org.ton.ton4j.tlb.BouncePhaseOk;
import org.ton.ton4j.tlb.ComputePhaseVM;
import org.ton.ton4j.tlb.ComputeSkipReason;
import org.ton.ton4j.tlb.TransactionDescription;
import org.ton.ton4j.tlb.TransactionDescriptionOrdinary;

/**
 * Reads a {@code Transaction} cell into a {@link ChainTransaction}. The header and the messages are
 * read here so that every message keeps its original cell (and hash); the phases come from
 * ton4j's TL-B description types.
 */
public final class TransactionParser {
    private TransactionParser() {}

    /**
     * Parses a transaction of workchain {@code workchain}.
     *
     * @throws MalformedMessageException when the cell is not a transaction
     */
    public static ChainTransaction parse(Cell tx, int workchain) {
        return CellErrors.parsing("not a transaction", () -> parseUnchecked(tx, workchain));
    }

    private static ChainTransaction parseUnchecked(Cell tx, int workchain) {
        CellSlice cs = CellSlice.beginParse(tx);
        int tag = cs.loadUint(4).intValue();
        if (tag != 0b0111) {
            throw new MalformedMessageException("not a transaction (tag " + Integer.toBinaryString(tag) + ")");
        }
        byte[] account = cs.loadBytes(256);
        BigInteger lt = cs.loadUint(64);
        cs.skipBits(256 + 64); // prev_trans_hash, prev_trans_lt
        long now = cs.loadUint(32).longValue();
        cs.skipBits(15); // outmsg_cnt
        AccountState.Status orig = status(cs.loadUint(2).intValue());
        AccountState.Status end = status(cs.loadUint(2).intValue());

        CellSlice io = CellSlice.beginParse(cs.loadRef());
        Optional<ChainMessage> in = Optional.empty();
        if (io.loadBit()) {
            in = Optional.of(Messages.parse(io.loadRef()));
        }
        List<ChainMessage> out = new ArrayList<>();
        // out_msgs: HashmapE 15 ^(Message Any), keyed by the message's index.
        Map<Integer, Cell> byIndex = new TreeMap<>();
        io.loadDictE(15, k -> k.readUint(15).intValue(), v -> v).elements
                .forEach((k, v) -> byIndex.put((Integer) k, (Cell) v));
        for (Cell m : byIndex.values()) {
            out.add(Messages.parse(CellSlice.beginParse(m).loadRef()));
        }
        BigInteger totalFees = cs.loadCoins();
        if (cs.loadBit()) {
            cs.loadRef(); // extra currencies of the fees
        }
        cs.loadRef(); // state_update
        TransactionDescription descr = TransactionDescription.deserialize(CellSlice.beginParse(cs.loadRef()));

        ChainTransaction.ComputePhase compute = new ChainTransaction.ComputePhase.Skipped(descr.getType());
        Optional<ChainTransaction.ActionPhase> action = Optional.empty();
        Optional<ChainTransaction.BouncePhase> bounce = Optional.empty();
        boolean aborted = Boolean.TRUE.equals(descr.isAborted());
        if (descr instanceof TransactionDescriptionOrdinary o) {
            compute = compute(o.getComputePhase());
            action = Optional.ofNullable(o.getActionPhase()).map(TransactionParser::action);
            bounce = Optional.ofNullable(o.getBouncePhase()).map(TransactionParser::bounce);
        }
        Address address = Address.of(workchain + ":" + java.util.HexFormat.of().formatHex(account));
        return new ChainTransaction(address, lt, Hash32.of(tx.getHash()), now, in, out, compute, action, bounce,
                aborted, totalFees, orig, end, tx);
    }

    private static AccountState.Status status(int bits) {
        return switch (bits) {
            case 0b00 -> AccountState.Status.UNINIT;
            case 0b01 -> AccountState.Status.FROZEN;
            case 0b10 -> AccountState.Status.ACTIVE;
            default -> AccountState.Status.NONEXIST;
        };
    }

    private static ChainTransaction.ComputePhase compute(org.ton.ton4j.tlb.ComputePhase phase) {
        if (phase instanceof ComputePhaseVM vm) {
            var d = vm.getDetails();
            return new ChainTransaction.ComputePhase.Vm(vm.isSuccess(), (int) d.getExitCode(), d.getGasUsed(),
                    vm.getGasFees(), d.getVMSteps());
        }
        if (phase instanceof ComputeSkipReason skip) {
            return new ChainTransaction.ComputePhase.Skipped(skip.getType());
        }
        return new ChainTransaction.ComputePhase.Skipped("unknown");
    }

    private static ChainTransaction.ActionPhase action(ActionPhase a) {
        return new ChainTransaction.ActionPhase(a.isSuccess(), (int) a.getResultCode(), (int) a.getTotalActions(),
                (int) a.getMessagesCreated(), nz(a.getTotalFwdFees()), nz(a.getTotalActionFees()));
    }

    private static ChainTransaction.BouncePhase bounce(org.ton.ton4j.tlb.BouncePhase b) {
        if (b instanceof BouncePhaseOk ok) {
            return new ChainTransaction.BouncePhase.Ok(ok.getMsgFees(), ok.getFwdFees());
        }
        if (b instanceof BouncePhaseNoFounds nf) {
            return new ChainTransaction.BouncePhase.NoFunds(nf.getReqFwdFees());
        }
        return new ChainTransaction.BouncePhase.NegativeFunds();
    }

    private static BigInteger nz(BigInteger v) {
        return v == null ? BigInteger.ZERO : v;
    }
}
