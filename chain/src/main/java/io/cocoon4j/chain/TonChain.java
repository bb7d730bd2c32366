package io.cocoon4j.chain;

import java.util.List;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.tlb.StateInit;

/**
 * The one API the rest of cocoon4j uses to reach a TON chain: send external messages, deploy
 * contracts with a {@link StateInit}, read accounts, run get-methods with a typed stack and list an
 * account's transactions with their phases.
 *
 * <p>Implementations: {@link LocalChain} runs the official TON emulator inside the JVM; a network
 * chain (testnet/mainnet through ton4j) implements the same contract. Sending blocks until the
 * message and every message it caused have been processed (on a network: observed), so callers
 * read a complete {@link Trace}.
 *
 * <p>Internal messages are never injected directly: they are sent by a wallet contract through a
 * {@link Sender} (see {@link WalletV4}), which signs an external message to itself.
 *
 * <p>Every failure is a {@link ChainException} subtype with a message a user can act on; a failed
 * call leaves the chain unchanged. Implementations are safe to share between threads.
 */
public interface TonChain extends AutoCloseable {

    /**
     * Sends an external inbound message (a full {@code Message X} cell with {@code ext_in_msg_info})
     * and processes everything it causes, in logical-time order, to completion.
     *
     * @return the transactions caused, in processing order; the first one is the external message's
     * @throws MessageRejectedException when the destination contract does not accept the message
     *     (no transaction happens; the exit code says why)
     * @throws MalformedMessageException when the cell is not an external inbound message
     */
    Trace sendExternal(Cell externalMessage);

    /**
     * Sends an external message given as a serialized BoC (as wallets and toncenter's
     * {@code sendBoc} carry it).
     *
     * @throws MalformedMessageException when the bytes are not a BoC of one external inbound message
     */
    default Trace sendExternalBoc(byte[] boc) {
        return sendExternal(Messages.fromBoc(boc));
    }

    /** Builds an external message to {@code destination} (with an optional {@code init}) and sends it. */
    default Trace sendExternal(Address destination, StateInit init, Cell body) {
        return sendExternal(Messages.externalIn(destination, init, body));
    }

    /**
     * Deploys a contract that accepts an external deploy message: sends {@code body} with
     * {@code init} to the address {@code init} derives (workchain 0).
     */
    default Trace deploy(StateInit init, Cell body) {
        return sendExternal(Messages.addressOf(init, 0), init, body);
    }

    /** Reads an account; an address never used reads as {@link AccountState.Status#NONEXIST}, never an error. */
    AccountState account(Address address);

    /**
     * Runs a get-method by name with the arguments pushed in order (the last one on top).
     *
     * @throws AccountNotFoundException when the account has no active code
     * @throws GetMethodException when the method exits with a code other than 0 or 1
     */
    default GetMethodResult runGetMethod(Address address, String method, List<TvmValue> args) {
        return runGetMethod(address, GetMethodResult.methodId(method), args);
    }

    /** As {@link #runGetMethod(Address, String, List)}, with the numeric method id. */
    GetMethodResult runGetMethod(Address address, long methodId, List<TvmValue> args);

    /** An account's transactions, newest first, at most {@code limit} of them. */
    List<ChainTransaction> transactions(Address address, int limit);

    /** The chain's current unix time (for wallets' valid-until and contracts' deadlines). */
    long now();

    /** Releases the emulator or network connection; the chain is unusable afterwards. */
    @Override
    void close();
}
