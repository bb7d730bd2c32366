package io.cocoon4j.protocol.params;

import java.util.Objects;

/**
 * The policy of one cocoon4j network: what the root contract stores as its configuration, what
 * every job and operator contract snapshots when it starts, and what the economics simulation
 * analyses. This record is the single source of truth for the defaults: the deployer writes
 * {@link #DEFAULTS} into a new root contract, the simulation reads the same values, and tests pin
 * the conclusions at them.
 *
 * <p>Amounts are in nanoton (1 TON = 10^9), fractions in basis points (10,000 = 100 %), durations
 * in seconds.
 *
 * @param stakes what runners and verifiers put at risk
 * @param deadlines how long each phase of a job may last
 * @param slashing what a loser forfeits and who receives it
 * @param jury how disputes are decided
 * @param fees what the protocol keeps and what audits earn
 * @param audit how often verifiers check results, and what an unprovable deviation (a flag) triggers
 */
public record NetworkParams(Stakes stakes, Deadlines deadlines, Slashing slashing, Jury jury, Fees fees,
                            Audit audit) {

    /** Basis points in one whole. */
    public static final int BPS = 10_000;

    /**
     * Defaults for a new network. The economics module derives the job lock, the missed-deadline
     * slash, the jury's pay, the audit rate, follow-ups and fee from the measured detection rates
     * and fees ({@code cocoon bench economics} prints the derivation and checks that these values
     * equal it); the README's economics section explains each value. Change them only together with
     * that analysis.
     */
    public static final NetworkParams DEFAULTS = new NetworkParams(
            new Stakes(ton(100), ton(50), 30_000, ton(0.35)),
            new Deadlines(600, 600, 3_600, 7 * 24 * 3_600, 600, 600, 600),
            new Slashing(BPS, 90, BPS, 5_000, 1_000),
            new Jury(5, 3, ton(0.025), ton(0.05)),
            new Fees(100, 40),
            new Audit(70, 10, 0));

    public NetworkParams {
        Objects.requireNonNull(stakes, "stakes");
        Objects.requireNonNull(deadlines, "deadlines");
        Objects.requireNonNull(slashing, "slashing");
        Objects.requireNonNull(jury, "jury");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(audit, "audit");
    }

    /**
     * @param minRunnerStake the least stake a runner's operator account must hold to accept jobs
     * @param verifierBond the least stake a verifier's operator account must hold to challenge and sit on juries
     * @param jobLockBps stake locked per accepted job, as a fraction of the job's maximum payment
     *                   (30,000 = three times what the client pays at most)
     * @param minJobLock the least stake locked per job, however small its payment
     */
    public record Stakes(long minRunnerStake, long verifierBond, int jobLockBps, long minJobLock) {
        public Stakes {
            positive("minRunnerStake", minRunnerStake);
            positive("verifierBond", verifierBond);
            positive("jobLockBps", jobLockBps);
            positive("minJobLock", minJobLock);
        }

        /** The stake locked for a job whose client pays at most {@code maxPayment} nanoton. */
        public long lockFor(long maxPayment) {
            return Math.max(minJobLock, Math.multiplyExact(maxPayment, (long) jobLockBps) / BPS);
        }
    }

    /**
     * @param acceptWindow how long an open job waits for a runner before its client may cancel it
     * @param commitWindow how long an accepted job's runner has to commit its result
     * @param challengeWindow how long after the commitment a verifier may challenge
     * @param unbondingDelay how long an exiting operator waits, after its last lock is released, to withdraw its stake
     * @param seedWindow how long each disputing party has to commit, then to reveal, its share of the jury seed
     * @param voteCommitWindow how long drawn jurors have to commit their votes
     * @param voteRevealWindow how long jurors then have to reveal them
     */
    public record Deadlines(long acceptWindow, long commitWindow, long challengeWindow, long unbondingDelay,
                            long seedWindow, long voteCommitWindow, long voteRevealWindow) {
        public Deadlines {
            positive("acceptWindow", acceptWindow);
            positive("commitWindow", commitWindow);
            positive("challengeWindow", challengeWindow);
            positive("unbondingDelay", unbondingDelay);
            positive("seedWindow", seedWindow);
            positive("voteCommitWindow", voteCommitWindow);
            positive("voteRevealWindow", voteRevealWindow);
        }
    }

    /**
     * @param fraudSlashBps share of the job's lock a runner loses when a jury finds its result wrong
     * @param missedDeadlineSlashBps share of the lock a runner loses when it misses the commit deadline
     * @param equivocationSlashBps share of the lock a runner loses for two different signed commitments
     * @param challengerShareBps share of a slash paid to the challenger (to the prover, for equivocation)
     * @param clientShareBps share of a slash paid to the client on top of its refund; the treasury
     *                       receives the rest
     */
    public record Slashing(int fraudSlashBps, int missedDeadlineSlashBps, int equivocationSlashBps,
                           int challengerShareBps, int clientShareBps) {
        public Slashing {
            fraction("fraudSlashBps", fraudSlashBps);
            fraction("missedDeadlineSlashBps", missedDeadlineSlashBps);
            fraction("equivocationSlashBps", equivocationSlashBps);
            fraction("challengerShareBps", challengerShareBps);
            fraction("clientShareBps", clientShareBps);
            if (challengerShareBps + clientShareBps > BPS) {
                throw new IllegalArgumentException("challenger and client shares exceed the whole slash: "
                        + challengerShareBps + " + " + clientShareBps + " bps > " + BPS);
            }
        }
    }

    /**
     * @param size jurors drawn per dispute (odd, so that a full jury cannot tie)
     * @param quorum the fewest revealed votes for a verdict; fewer, and the dispute falls back to the runner
     * @param jurorReward paid to each juror who revealed a vote with the majority
     * @param absenceFine taken from the stake of each drawn juror who did not reveal
     */
    public record Jury(int size, int quorum, long jurorReward, long absenceFine) {
        public Jury {
            positive("size", size);
            if (size % 2 == 0) {
                throw new IllegalArgumentException("jury size must be odd, got " + size);
            }
            if (quorum < 1 || quorum > size) {
                throw new IllegalArgumentException("quorum must be within 1.." + size + ", got " + quorum);
            }
            if (jurorReward < 0 || absenceFine < 0) {
                throw new IllegalArgumentException("juror reward and absence fine must not be negative");
            }
        }
    }

    /**
     * @param protocolFeeBps share of each runner payout kept by the treasury
     * @param auditFeeBps share of each runner payout set aside to pay verifiers for audits that find nothing
     */
    public record Fees(int protocolFeeBps, int auditFeeBps) {
        public Fees {
            fraction("protocolFeeBps", protocolFeeBps);
            fraction("auditFeeBps", auditFeeBps);
            if (protocolFeeBps + auditFeeBps > BPS) {
                throw new IllegalArgumentException("fees exceed the whole payout");
            }
        }
    }

    /**
     * Audit policy. Verifiers audit each job with probability {@code rateBps}, drawn from public
     * randomness so that a runner cannot know which of its jobs will be checked. A <em>flag</em> is an
     * audit that found tokens within the tolerance but not the verifier's own choice (margin hits):
     * evidence of a lower-precision copy, never a slashable proof, since honest runs of larger models
     * are flagged too (measured in the README's economics section).
     *
     * @param rateBps the probability that a job is audited
     * @param followUpsPerFlag how many of a flagged runner's next jobs are then audited for certain
     * @param flagWithholdBps share of a flagged job's payment refunded to the client instead of paid
     */
    public record Audit(int rateBps, int followUpsPerFlag, int flagWithholdBps) {
        public Audit {
            fraction("rateBps", rateBps);
            positive("rateBps", rateBps);
            if (followUpsPerFlag < 0) {
                throw new IllegalArgumentException("followUpsPerFlag must not be negative, got " + followUpsPerFlag);
            }
            fraction("flagWithholdBps", flagWithholdBps);
        }

        /** The audit probability as a fraction. */
        public double rate() {
            return rateBps / (double) BPS;
        }
    }

    /** {@code amount} TON in nanoton, exactly (rejects more than nine decimals). */
    public static long ton(double amount) {
        return java.math.BigDecimal.valueOf(amount).movePointRight(9).longValueExact();
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void fraction(String name, int bps) {
        if (bps < 0 || bps > BPS) {
            throw new IllegalArgumentException(name + " must be within 0.." + BPS + " basis points, got " + bps);
        }
    }
}
