package io.cocoon4j.chain.emulator;

import java.util.Optional;

/**
 * What a get-method returned.
 *
 * @param exitCode       the TVM exit code (0 or 1 is success)
 * @param gasUsed        gas consumed
 * @param stackBoc       the result stack, a base64 {@code VmStack} BoC (as @ton/core's serializeTuple)
 * @param vmLog          the TVM log without {@code #DEBUG#} lines
 * @param debugLog       the {@code #DEBUG#} lines
 * @param missingLibrary hex hash of a library cell the code needed but was not given
 * @param blockchainLogs the emulator's log
 */
public record GetMethodResult(int exitCode, long gasUsed, String stackBoc, String vmLog, String debugLog,
                              Optional<String> missingLibrary, String blockchainLogs) {

    /** Whether the method ended normally (exit code 0 or 1). */
    public boolean success() {
        return exitCode == 0 || exitCode == 1;
    }
}
