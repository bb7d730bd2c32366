package io.cocoon4j.economics.model;

/**
 * Who the verifiers are and how the measured rates are read.
 *
 * @param model the measured model whose detection rates apply ({@code tiny}, {@code small})
 * @param verifiers registered verifiers (equal stake)
 * @param lazyShare share that never audits but still sits on juries (and votes with the challenger)
 * @param colludingShare share that votes for whichever side wrongs the truth
 * @param worstCase true: every measured rate at its 95 % bound against the network (detection and
 *                  flags of cheats at their lower bound, honest false positives and flags at their upper)
 * @param horizonJobs jobs a runner serves in its life (0: forever); follow-up audits take a while to start
 */
public record Scenario(String model, int verifiers, double lazyShare, double colludingShare, boolean worstCase,
                       int horizonJobs) {
    public Scenario {
        if (!(lazyShare >= 0 && colludingShare >= 0 && lazyShare + colludingShare <= 1)) {
            throw new IllegalArgumentException("lazy and colluding shares must be within 0..1 together");
        }
    }

    public Scenario withModel(String m) {
        return new Scenario(m, verifiers, lazyShare, colludingShare, worstCase, horizonJobs);
    }

    public Scenario withColluding(double f) {
        return new Scenario(model, verifiers, lazyShare, f, worstCase, horizonJobs);
    }

    public Scenario withLazy(double l) {
        return new Scenario(model, verifiers, l, colludingShare, worstCase, horizonJobs);
    }

    public Scenario withWorstCase(boolean w) {
        return new Scenario(model, verifiers, lazyShare, colludingShare, w, horizonJobs);
    }
}
