package io.cocoon4j.economics;

import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.model.JuryOdds;
import io.cocoon4j.economics.model.Jobs;
import io.cocoon4j.economics.model.Strategy;
import io.cocoon4j.protocol.params.NetworkParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives the values of {@link NetworkParams} that the economics decides, each from one stated
 * condition on the evidence, in dependency order: juror pay and jury size, the least job lock, the
 * missed-deadline slash, the flag follow-ups with the audit rate, and finally the audit fee. The rest
 * (deadlines, stakes of whole operators, the fraud slash and the split) is taken from {@code base}.
 */
public final class Derivation {
    /** Collusion share a jury must withstand with at most {@link #JURY_FAILURE} probability. */
    public static final double JURY_COLLUSION = 0.10;
    public static final double JURY_FAILURE = 0.01;
    /** Share of jobs an operator may miss while keeping this share of its honest profit. */
    public static final double OFFLINE_RATE = 0.01;
    public static final double OFFLINE_KEEPS = 0.8;

    private Derivation() {}

    /**
     * @param params the derived parameters
     * @param reasons per derived field, the condition and the numbers that set it
     */
    public record Result(NetworkParams params, Map<String, String> reasons) {}

    /** Derives from {@code base} under {@code evidence}; {@code sampleJobs} jobs estimate the market. */
    public static Result derive(NetworkParams base, Evidence evidence, int verifiers, int sampleJobs, long seed) {
        Map<String, String> why = new LinkedHashMap<>();
        double m = EconomicAnalysis.MARGIN;
        Evidence.Fees fees = evidence.fees();
        NetworkParams.Slashing split = base.slashing();
        double bps = NetworkParams.BPS;

        long reward = roundUp(ton((1 + m) * fees.jurorVote()), ton(0.005));
        long fine = 2 * reward;
        why.put("jury.jurorReward", String.format("(1 + margin) x a juror's commit and reveal fees (%.3f TON), rounded up", fees.jurorVote()));
        why.put("jury.absenceFine", "twice the reward: abstaining to break a quorum costs more than voting earns");
        int size = 1;
        while (JuryOdds.failure(new NetworkParams.Jury(size, size / 2 + 1, reward, fine), verifiers,
            (int) Math.round(JURY_COLLUSION * verifiers), true) > JURY_FAILURE) {
            size += 2;
        }
        NetworkParams.Jury jury = new NetworkParams.Jury(size, size / 2 + 1, reward, fine);
        why.put("jury.size", String.format("smallest odd jury that %.0f%% colluding verifier stake sways with probability <= %.0f%%",
            100 * JURY_COLLUSION, 100 * JURY_FAILURE));

        double fraud = split.fraudSlashBps() / bps;
        double lockForBounty = (1 + m) * ton(fees.challenger()) / (split.challengerShareBps() / bps * fraud);
        double treasuryShare = 1 - (split.challengerShareBps() + split.clientShareBps()) / bps;
        double lockForJury = (double) size * reward / (treasuryShare * fraud);
        long minLock = roundUp((long) Math.ceil(Math.max(lockForBounty, lockForJury)), ton(0.05));
        why.put("stakes.minJobLock", String.format("the larger of: the challenger's share of the slash pays (1 + margin) x its fees "
            + "(%.3f TON), and the treasury's share pays the jury (%.3f TON); rounded up", lockForBounty / 1e9, lockForJury / 1e9));
        NetworkParams.Stakes stakes = new NetworkParams.Stakes(base.stakes().minRunnerStake(), base.stakes().verifierBond(),
            base.stakes().jobLockBps(), minLock);

        Jobs jobs = Jobs.sample(evidence.market(), stakes, sampleJobs, seed);
        EconomicAnalysis analysis = new EconomicAnalysis(evidence, jobs, verifiers);
        NetworkParams p = new NetworkParams(stakes, base.deadlines(), split, jury, base.fees(), base.audit());

        // Missed deadline: the largest slash (in steps of 5 bps) that leaves a runner offline on 1 % of its jobs
        // 80 % of its honest profit.
        int missed = 0;
        while (missed + 5 <= NetworkParams.BPS && analysis.payoffs(with(p, missed + 5), analysis.scenario(analysis.models().get(0), false))
            .relativeToHonest(new Strategy.Offline(OFFLINE_RATE)) >= OFFLINE_KEEPS) {
            missed += 5;
        }
        p = with(p, missed);
        why.put("slashing.missedDeadlineSlashBps", String.format("largest slash at which a runner offline on %.0f%% of its jobs keeps "
            + "%.0f%% of its honest profit (a miss still costs %.1f x the mean job)", 100 * OFFLINE_RATE, 100 * OFFLINE_KEEPS,
            missed / bps * minLock / jobs.meanPayment()));

        // The audit rate and the audit fee depend on each other (the fee lowers what a runner is paid, hence what
        // cheating risks; the rate sets what audits cost): iterate to the fixed point.
        double bestLoad = 0;
        for (int round = 0; round < 8; round++) {
            NetworkParams before = p;
            // Follow-ups and audit rate together: the follow-up count that needs the fewest audits of honest
            // runners, each with the least rate at which every cheat loses with margin at the 95 % bounds.
            int bestK = 0;
            int bestRate = NetworkParams.BPS + 1;
            bestLoad = Double.MAX_VALUE;
            NetworkParams current = p;
            // Each count's p* search is independent: run them side by side, then pick in count order.
            int[] rates = java.util.stream.IntStream.rangeClosed(0, 10).parallel()
                .map(k -> analysis.minAuditRateBps(EconomicAnalysis.withFollowUps(current, k), true)).toArray();
            for (int k = 0; k <= 10; k++) {
                if (rates[k] > NetworkParams.BPS) {
                    continue;
                }
                int rounded = (int) roundUp(rates[k], 5);
                double load = honestAuditLoad(analysis,
                    EconomicAnalysis.withAuditRate(EconomicAnalysis.withFollowUps(p, k), rounded));
                if (load < bestLoad - 1e-12) {
                    bestLoad = load;
                    bestK = k;
                    bestRate = rounded;
                }
            }
            if (bestRate > NetworkParams.BPS) {
                throw new IllegalStateException("no audit rate makes every cheat lose at the 95% bounds");
            }
            p = new NetworkParams(p.stakes(), p.deadlines(), p.slashing(), p.jury(), p.fees(),
                new NetworkParams.Audit(bestRate, bestK, 0));
            int fee = (int) roundUp(analysis.minAuditFeeBps(p), 5);
            p = new NetworkParams(p.stakes(), p.deadlines(), p.slashing(), p.jury(),
                new NetworkParams.Fees(base.fees().protocolFeeBps(), fee), p.audit());
            if (p.equals(before)) {
                break;
            }
        }
        why.put("audit.rateBps", "p*: least rate at which every cheat on every measured model loses with margin, "
            + "detection at its 95% lower bound; rounded up to 5 bps");
        why.put("audit.followUpsPerFlag", String.format("the count (0..10) whose p* audits honest runners least (%.2f%% of their jobs)",
            100 * bestLoad));
        why.put("audit.flagWithholdBps", "0: refunding a flagged job needs an on-chain message worth more than the job");

        why.put("fees.auditFeeBps", "least fee at which diligent verifiers earn (1 + margin) x their audit cost with nothing to "
            + "catch (the verifier's dilemma), on the model whose audits cost most; rounded up to 5 bps");
        return new Result(p, why);
    }

    /** Share of an honest runner's jobs audited, on the model with most honest flags. */
    static double honestAuditLoad(EconomicAnalysis analysis, NetworkParams p) {
        double load = 0;
        for (String model : analysis.models()) {
            load = Math.max(load, analysis.payoffs(p, analysis.scenario(model, true)).runner(new Strategy.Honest()).auditedShare());
        }
        return load;
    }

    private static NetworkParams with(NetworkParams p, int missedBps) {
        NetworkParams.Slashing s = p.slashing();
        return new NetworkParams(p.stakes(), p.deadlines(), new NetworkParams.Slashing(s.fraudSlashBps(), missedBps,
            s.equivocationSlashBps(), s.challengerShareBps(), s.clientShareBps()), p.jury(), p.fees(), p.audit());
    }

    private static long ton(double amount) {
        return Math.round(amount * 1e9);
    }

    private static long roundUp(long value, long step) {
        return (value + step - 1) / step * step;
    }
}
