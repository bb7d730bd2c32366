package io.cocoon4j.chain;

import java.math.BigInteger;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.tlb.StateInit;

/**
 * One internal message a {@link Sender} is asked to send.
 *
 * @param to receiver
 * @param value nanotons attached
 * @param bounce whether a failing receiver bounces the value back (false for deploys to wallets)
 * @param body message body, or null for none
 * @param init StateInit to deploy the receiver with, or null
 * @param sendMode the wallet's send mode; {@link #DEFAULT_MODE} pays fees separately and ignores errors
 */
public record Transfer(Address to, BigInteger value, boolean bounce, Cell body, StateInit init, int sendMode) {
    /** PAY_GAS_SEPARATELY (1) + IGNORE_ERRORS (2). */
    public static final int DEFAULT_MODE = 3;

    public Transfer {
        if (to == null) {
            throw new IllegalArgumentException("transfer needs a destination");
        }
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException("transfer value must be a non-negative amount of nanotons");
        }
        if (sendMode < 0 || sendMode > 255) {
            throw new IllegalArgumentException("send mode must fit in 8 bits: " + sendMode);
        }
    }

    /** A bounceable message with a body, default mode. */
    public static Transfer of(Address to, BigInteger value, Cell body) {
        return new Transfer(to, value, true, body, null, DEFAULT_MODE);
    }

    /** A deploy: value, StateInit and body to the address the StateInit derives. */
    public static Transfer deploy(StateInit init, BigInteger value, Cell body) {
        return new Transfer(Messages.addressOf(init, 0), value, false, body, init, DEFAULT_MODE);
    }

    public Transfer withBounce(boolean b) {
        return new Transfer(to, value, b, body, init, sendMode);
    }

    public Transfer withMode(int mode) {
        return new Transfer(to, value, bounce, body, init, mode);
    }

    /** Nanotons from a decimal amount of TON ("1.5" → 1_500_000_000). */
    public static BigInteger ton(String amount) {
        return new java.math.BigDecimal(amount).movePointRight(9).toBigIntegerExact();
    }
}
