package io.cocoon4j.enclave.dcap;

/**
 * One line of a verdict.
 *
 * @param id which check
 * @param outcome pass, fail, or skipped (not applicable or not possible, e.g. no collateral)
 * @param reason what was found, in words
 */
public record Check(CheckId id, Outcome outcome, String reason) {
    public enum Outcome { PASS, FAIL, SKIPPED }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }
}
