package io.cocoon4j.economics.model;

/** What a runner does with the jobs it accepts. */
public sealed interface Strategy {
    /** A name for tables and plots. */
    String label();

    /** Produces every result honestly. */
    record Honest() implements Strategy {
        public String label() {
            return "honest";
        }
    }

    /**
     * Cheats with {@code cheat} on each job of at least {@code minTokens} output tokens, with
     * probability {@code probability} (1: always). The runner cannot tell which jobs will be audited.
     */
    record Cheat(String cheat, double probability, int minTokens) implements Strategy {
        public Cheat {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("cheat probability must be within 0..1, got " + probability);
            }
        }

        public String label() {
            String q = probability == 1 ? "always" : "q=" + probability;
            return cheat + " (" + q + (minTokens > 0 ? ", jobs >= " + minTokens + " tokens" : "") + ")";
        }
    }

    /** Honest, but goes offline after accepting a share {@code rate} of its jobs (misses their deadline). */
    record Offline(double rate) implements Strategy {
        public String label() {
            return "offline " + Math.round(rate * 1000) / 10.0 + "% of jobs";
        }
    }

    /**
     * Cheats like {@link Cheat} from many identities of minimum stake, abandoning an identity after each
     * flag or rejection so that follow-up audits never reach it; pays {@code identityCost} nanoton
     * per new identity.
     */
    record Sybil(String cheat, double probability, double identityCost) implements Strategy {
        public String label() {
            return "sybil " + cheat + " (q=" + probability + ")";
        }
    }
}
