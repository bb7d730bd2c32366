package io.cocoon4j.enclave.dcap;

import java.util.ArrayList;
import java.util.List;

/** Collects checks in the order they run. */
final class CheckList {
    private final List<Check> checks = new ArrayList<>();

    boolean pass(CheckId id, String reason) {
        checks.add(new Check(id, Check.Outcome.PASS, reason));
        return true;
    }

    boolean fail(CheckId id, String reason) {
        checks.add(new Check(id, Check.Outcome.FAIL, reason));
        return false;
    }

    void skip(CheckId id, String reason) {
        checks.add(new Check(id, Check.Outcome.SKIPPED, reason));
    }

    /** Records pass when {@code failure} is null, else fail with it. */
    boolean expect(CheckId id, String failure, String passReason) {
        return failure == null ? pass(id, passReason) : fail(id, failure);
    }

    List<Check> list() {
        return checks;
    }
}
