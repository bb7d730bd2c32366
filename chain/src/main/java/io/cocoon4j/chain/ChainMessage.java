package io.cocoon4j.chain;

import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.tlb.StateInit;

/**
 * A message as it appears in a transaction.
 *
 * @param kind internal, external inbound or external outbound
 * @param source sender (absent for external inbound messages)
 * @param destination receiver (absent for external outbound messages without one)
 * @param value attached nanotons (zero for external messages)
 * @param bounce whether the receiver's failure bounces the value back
 * @param bounced whether this message is itself a bounce
 * @param forwardFee forwarding fee paid for it (internal messages)
 * @param createdLt logical time of creation (internal and outbound messages)
 * @param init attached StateInit, if any
 * @param body the body (an empty cell when none)
 * @param cell the whole message cell, for hashing and re-serialising
 */
public record ChainMessage(
        Kind kind,
        Optional<Address> source,
        Optional<Address> destination,
        BigInteger value,
        boolean bounce,
        boolean bounced,
        BigInteger forwardFee,
        BigInteger createdLt,
        Optional<StateInit> init,
        Cell body,
        Cell cell) {

    /** The three kinds of TON messages. */
    public enum Kind { INTERNAL, EXTERNAL_IN, EXTERNAL_OUT }

    /** Representation hash of the message cell. */
    public Hash32 hash() {
        return Hash32.of(cell.getHash());
    }

    /** The 32-bit op code at the start of the body, skipping the 0xffffffff prefix of bounces; empty when the body is shorter. */
    public Optional<Long> opCode() {
        var s = org.ton.ton4j.cell.CellSlice.beginParse(body);
        if (bounced && s.getRestBits() >= 32) {
            s.skipBits(32);
        }
        return s.getRestBits() >= 32 ? Optional.of(s.loadUint(32).longValue()) : Optional.empty();
    }
}
