package io.cocoon4j.economics.model;

import io.cocoon4j.protocol.params.NetworkParams;

/**
 * Expected payoffs per job, in nanoton, exactly as the network's rules and the measured rates imply
 * them (the Monte Carlo simulation draws the same events one by one and must agree). Every term reads
 * {@link NetworkParams}; nothing here restates a parameter.
 */
public final class Payoffs {
    private final NetworkParams params;
    private final Rates rates;
    private final Jobs jobs;
    private final double costShare;

    public Payoffs(NetworkParams params, Rates rates, Jobs jobs) {
        this.params = params;
        this.rates = rates;
        this.jobs = jobs;
        this.costShare = rates.evidence().computeCostShare();
    }

    public NetworkParams params() {
        return params;
    }

    public Rates rates() {
        return rates;
    }

    /**
     * A runner's expected outcome per job served.
     *
     * @param profit expected profit per job
     * @param gain what cheating saved or billed on top, per job
     * @param loss what slashes, withheld payments, missed deadlines and new identities cost, per job
     * @param auditedShare share of its jobs audited
     * @param cheatedShare share of its jobs cheated
     */
    public record RunnerOutcome(Strategy strategy, double profit, double gain, double loss, double auditedShare,
                                double cheatedShare) {}

    /** Expected outcome of {@code strategy}. */
    public RunnerOutcome runner(Strategy strategy) {
        double q = 0;
        int minTokens = 0;
        String cheat = null;
        double offline = 0;
        int followUps = params.audit().followUpsPerFlag();
        double identityCost = 0;
        if (strategy instanceof Strategy.Cheat c) {
            q = c.probability();
            minTokens = c.minTokens();
            cheat = c.cheat();
        } else if (strategy instanceof Strategy.Offline o) {
            offline = o.rate();
        } else if (strategy instanceof Strategy.Sybil s) {
            q = s.probability();
            cheat = s.cheat();
            followUps = 0;
            identityCost = s.identityCost();
        }
        double payoutShare = 1 - (params.fees().protocolFeeBps() + params.fees().auditFeeBps()) / (double) NetworkParams.BPS;
        double fraud = params.slashing().fraudSlashBps() / (double) NetworkParams.BPS;
        double missed = params.slashing().missedDeadlineSlashBps() / (double) NetworkParams.BPS;
        double withhold = params.audit().flagWithholdBps() / (double) NetworkParams.BPS;
        double d = cheat == null ? 0 : rates.rejected(cheat);
        double g = cheat == null ? 0 : rates.flagged(cheat);
        double saved = cheat == null ? 0 : rates.gain(cheat).costSaved();
        double billed = cheat == null ? 0 : rates.gain(cheat).extraBilled();
        double eps = rates.honestFalsePositive();
        double gh = rates.honestFlag();
        double upheld = 1 - rates.juryFailsForCheater();

        // Every term is linear in the sums over all jobs and over the jobs the strategy cheats on.
        Jobs.Sums all = jobs.sums(0);
        Jobs.Sums target = jobs.sums(minTokens);
        double n = all.count();
        double revenue = payoutShare * all.payment();
        double cost = costShare * all.payment();
        double gain = q * (saved * costShare + billed) * target.payment();
        double cheatedAtStake = q * (fraud * target.lock() + payoutShare * target.payment());
        double honestAtStake = fraud * all.lock() + payoutShare * all.payment() - cheatedAtStake;
        double flagExposure = withhold * payoutShare
            * (q * g * upheld * target.payment() + gh * (all.payment() - q * target.payment()));
        double offlineLoss = offline * ((payoutShare - costShare) * all.payment() + missed * all.lock());
        double cheated = q * target.count();
        double cheatedShare = cheated / n;
        double hit = cheatedShare * (d + g) * upheld + (1 - cheatedShare) * (gh + eps);
        double audited = AuditChain.of(params.audit().rate(), followUps, hit, rates.effectiveAudit(),
            rates.scenario().horizonJobs()).auditedShare();
        double loss = audited * (d * upheld * cheatedAtStake + eps * honestAtStake + flagExposure) + offlineLoss
            + identityCost * audited * hit * n;
        double profit = revenue - cost + gain - loss;
        return new RunnerOutcome(strategy, profit / n, gain / n, loss / n, audited, cheatedShare);
    }

    /** {@code strategy}'s expected profit as a multiple of the honest runner's (1: the same; below 1: worse). */
    public double relativeToHonest(Strategy strategy) {
        return runner(strategy).profit() / runner(new Strategy.Honest()).profit();
    }

    /**
     * Whether {@code strategy} loses against honesty with margin: its expected extra profit is at most
     * {@code -margin} times what the cheat gains (the loss exceeds the gain by that factor). A
     * strategy that gains nothing loses whenever it is ever caught.
     */
    public boolean losesWithMargin(Strategy strategy, double margin) {
        RunnerOutcome o = runner(strategy);
        double honest = runner(new Strategy.Honest()).profit();
        return o.profit() - honest <= -margin * o.gain() && (o.gain() > 0 || o.profit() <= honest);
    }

    /**
     * The verifiers' side, per job, when a share {@code cheaters} of runners always cheat with
     * {@code cheat} (0: the verifier's dilemma, nothing to catch).
     *
     * @param auditPay audit fees paid out per job
     * @param bounty challenger shares of slashes per job, net of the challenger's fees
     * @param auditCost compute spent auditing per job
     * @param profit the sum
     * @param returnOnCost profit / audit cost
     */
    public record VerifierOutcome(double auditPay, double bounty, double auditCost, double profit, double returnOnCost) {}

    public VerifierOutcome verifiers(double cheaters, String cheat) {
        double meanPayment = jobs.meanPayment();
        double meanLock = 0;
        for (int i = 0; i < jobs.size(); i++) {
            meanLock += jobs.lock(i);
        }
        meanLock /= jobs.size();
        double honestAudited = runner(new Strategy.Honest()).auditedShare();
        RunnerOutcome c = runner(new Strategy.Cheat(cheat, 1, 0));
        double audited = (1 - cheaters) * honestAudited + cheaters * c.auditedShare();
        double auditPay = params.fees().auditFeeBps() / (double) NetworkParams.BPS * meanPayment;
        double fraud = params.slashing().fraudSlashBps() / (double) NetworkParams.BPS;
        double share = params.slashing().challengerShareBps() / (double) NetworkParams.BPS;
        double caught = cheaters * c.auditedShare() * rates.rejected(cheat) * (1 - rates.juryFailsForCheater());
        double bounty = caught * (share * fraud * meanLock - ton(rates.evidence().fees().challenger()));
        double auditCost = audited * rates.evidence().verifyGenerateRatio() * rates.evidence().computeCostShare()
            * meanPayment;
        double profit = auditPay + bounty - auditCost;
        return new VerifierOutcome(auditPay, bounty, auditCost, profit, profit / auditCost);
    }

    /**
     * A griefing challenger's expected result per false challenge of an honest job with lock
     * {@code lock}: it wins the challenger's share of the slash when the jury fails the runner, and
     * otherwise forfeits a bond equal to the runner's fraud slash (assumed symmetric); it always pays
     * its own fees.
     */
    public double griefingPerChallenge(double lock) {
        double fraud = params.slashing().fraudSlashBps() / (double) NetworkParams.BPS;
        double share = params.slashing().challengerShareBps() / (double) NetworkParams.BPS;
        double fail = rates.juryFailsAgainstHonest();
        return fail * share * fraud * lock - (1 - fail) * fraud * lock - ton(rates.evidence().fees().challenger());
    }

    static double ton(double amount) {
        return amount * 1e9;
    }
}
