package io.cocoon4j.chain.emulator;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What emulating one message (or tick-tock) did. BoCs are standard base64 strings.
 *
 * <p>{@link Success} means a transaction exists, even one whose compute phase failed (a contract
 * {@code throw} in an internal message still makes a transaction, with the bounce and the exit code
 * inside it). {@link Failure} means no transaction was produced because the contract did not accept
 * an external message (it threw before {@code ACCEPT}); inputs the emulator cannot use are an
 * {@link EmulatorException} instead.
 */
public sealed interface TransactionResult permits TransactionResult.Success, TransactionResult.Failure {

    /** The emulator's blockchain log (verbosity-dependent, may be empty). */
    String blockchainLogs();

    /** The {@code #DEBUG#} lines split off the VM log (empty unless debug was enabled). */
    String debugLog();

    /**
     * A transaction was produced.
     *
     * @param transactionBoc  the Transaction
     * @param shardAccountBoc the account after it (a ShardAccount, ready for the next message)
     * @param vmLog           the TVM log without debug lines
     * @param actionsBoc      the action list (OutList) of the compute phase, if any
     * @param elapsedSeconds  the emulator's own measure of the time it took (wall clock)
     */
    record Success(String transactionBoc, String shardAccountBoc, String vmLog, Optional<String> actionsBoc,
                   double elapsedSeconds, String blockchainLogs, String debugLog) implements TransactionResult {
    }

    /**
     * The contract did not accept an external message; no transaction was produced.
     *
     * @param error      the emulator's reason, e.g. "External message not accepted by smart contract"
     * @param vmExitCode the TVM exit code the contract stopped with
     * @param vmLog      the TVM log
     */
    record Failure(String error, OptionalInt vmExitCode, String vmLog, String blockchainLogs, String debugLog)
            implements TransactionResult {
    }
}
