package io.cocoon4j.chain;

import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;

/**
 * An account as the chain sees it now.
 *
 * @param address the account's address
 * @param status whether it exists, is deployed or frozen
 * @param balance its balance in nanotons (zero when it does not exist)
 * @param code its code when active
 * @param data its persistent data when active
 * @param lastTransactionLt logical time of its last transaction (zero if none)
 * @param lastTransactionHash hash of its last transaction (32 zero bytes if none)
 */
public record AccountState(
        Address address,
        Status status,
        BigInteger balance,
        Optional<Cell> code,
        Optional<Cell> data,
        BigInteger lastTransactionLt,
        Hash32 lastTransactionHash) {

    /** The account's lifecycle state. */
    public enum Status { NONEXIST, UNINIT, ACTIVE, FROZEN }

    /** An address that never held anything. */
    public static AccountState nonexistent(Address address) {
        return new AccountState(address, Status.NONEXIST, BigInteger.ZERO, Optional.empty(), Optional.empty(),
                BigInteger.ZERO, Hash32.ZERO);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** Representation hash of the code cell, when active. */
    public Optional<Hash32> codeHash() {
        return code.map(c -> Hash32.of(c.getHash()));
    }

    /** Representation hash of the data cell, when active. */
    public Optional<Hash32> dataHash() {
        return data.map(c -> Hash32.of(c.getHash()));
    }
}
