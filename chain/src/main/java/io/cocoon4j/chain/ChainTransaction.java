package io.cocoon4j.chain;

import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;

/**
 * One transaction of one account, with the phases a user checks: did the code run and how did it
 * exit, what did it pay, what did it send, did the inbound message bounce.
 *
 * @param account the account that ran it
 * @param lt its logical time
 * @param hash representation hash of the transaction cell
 * @param now unix time it ran at
 * @param inMessage the message that caused it (absent for tick-tock)
 * @param outMessages the messages it sent, in order
 * @param compute the compute phase
 * @param action the action phase, when it ran
 * @param bounce the bounce phase, when there was one
 * @param aborted whether the transaction was aborted (state not committed)
 * @param totalFees all fees paid, in nanotons
 * @param origStatus the account status before
 * @param endStatus the account status after
 * @param cell the transaction cell, as the emulator produced it
 */
public record ChainTransaction(
        Address account,
        BigInteger lt,
        Hash32 hash,
        long now,
        Optional<ChainMessage> inMessage,
        List<ChainMessage> outMessages,
        ComputePhase compute,
        Optional<ActionPhase> action,
        Optional<BouncePhase> bounce,
        boolean aborted,
        BigInteger totalFees,
        AccountState.Status origStatus,
        AccountState.Status endStatus,
        Cell cell) {

    public ChainTransaction {
        outMessages = List.copyOf(outMessages);
    }

    /** The compute phase: either skipped (with why) or the VM ran. */
    public sealed interface ComputePhase {
        /** The VM did not run: no state, no gas or bad state. */
        record Skipped(String reason) implements ComputePhase {}

        /** The VM ran. {@code exitCode} 0 or 1 is success; {@code -14} is out of gas. */
        record Vm(boolean success, int exitCode, BigInteger gasUsed, BigInteger gasFees, long vmSteps)
                implements ComputePhase {}
    }

    /** The action phase: the out actions (messages, reserves, code changes) applied or not. */
    public record ActionPhase(boolean success, int resultCode, int totalActions, int messagesCreated,
                              BigInteger totalForwardFees, BigInteger totalActionFees) {}

    /** The bounce phase of a failed transaction whose inbound message had the bounce flag. */
    public sealed interface BouncePhase {
        record NegativeFunds() implements BouncePhase {}

        record NoFunds(BigInteger requiredForwardFees) implements BouncePhase {}

        record Ok(BigInteger messageFees, BigInteger forwardFees) implements BouncePhase {}
    }

    /** The VM exit code, or empty when the compute phase was skipped. */
    public Optional<Integer> exitCode() {
        return compute instanceof ComputePhase.Vm vm ? Optional.of(vm.exitCode()) : Optional.empty();
    }

    /** Gas used by the VM (zero when skipped). */
    public BigInteger gasUsed() {
        return compute instanceof ComputePhase.Vm vm ? vm.gasUsed() : BigInteger.ZERO;
    }

    /** True when the compute phase succeeded, the action phase (if any) succeeded and nothing aborted. */
    public boolean succeeded() {
        return !aborted
                && compute instanceof ComputePhase.Vm vm && vm.success()
                && action.map(ActionPhase::success).orElse(true);
    }

    /** Whether this transaction sent a bounce back (its bounce phase succeeded). */
    public boolean bounced() {
        return bounce.filter(b -> b instanceof BouncePhase.Ok).isPresent();
    }
}
