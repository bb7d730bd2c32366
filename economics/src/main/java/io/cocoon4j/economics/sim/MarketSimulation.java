package io.cocoon4j.economics.sim;

import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.model.Rates;
import io.cocoon4j.economics.model.Scenario;
import io.cocoon4j.economics.model.Strategy;
import io.cocoon4j.protocol.params.NetworkParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The market, job by job: each job goes to a random runner, which serves it by its strategy; an
 * audit is drawn (or owed, after a flag), a random verifier performs it (or, if lazy, does not),
 * its outcome is drawn from the measured rates of the runner's model; a rejection becomes a
 * challenge decided by a jury drawn from the verifiers; slashes, bounties, bonds, juror rewards
 * and audit pay move as {@link NetworkParams} says. Deterministic for a seed.
 *
 * <p>The market is split into independent sub-markets (replications), each with its own share of
 * the runners and jobs and its own seed but the whole verifier registry, so that every runner still
 * serves its full history of jobs (follow-up audits need a long history to matter); the spread
 * between sub-markets gives the confidence intervals.
 */
public final class MarketSimulation {
    private MarketSimulation() {}

    /**
     * @param jobs jobs in all, split evenly over the replications
     * @param replications independent sub-markets (each runner group's count must divide by it)
     */
    public record Config(long jobs, int replications, long seed) {
        public Config {
            if (jobs < replications || replications < 2) {
                throw new IllegalArgumentException("need at least 2 replications and a job for each");
            }
        }
    }

    /** A mean over replications with its 95 % confidence half-width (Student's t). */
    public record Estimate(double mean, double halfWidth) {
        static Estimate of(double[] values) {
            int n = values.length;
            double mean = 0;
            for (double v : values) {
                mean += v;
            }
            mean /= n;
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new Estimate(mean, tQuantile(n - 1) * Math.sqrt(ss / (n - 1) / n));
        }

        public double low() {
            return mean - halfWidth;
        }

        public double high() {
            return mean + halfWidth;
        }
    }

    /**
     * @param relativeProfit per runner strategy: profit per job served, as a multiple of the honest runners'
     * @param profitPerJob per runner strategy: profit per job served, nanoton
     * @param verifierReturn per verifier kind: profit over audit cost (lazy verifiers have no audit cost:
     *                       their profit per verifier, nanoton per million jobs, is reported instead)
     * @param verifierProfitPerMillionJobs per verifier kind: profit per verifier per million jobs, nanoton
     * @param honestSlashes honest jobs slashed (false positives upheld by a jury) in all replications
     * @param challenges disputes in all replications
     * @param juryErrors disputes the jury decided against the truth
     * @param treasuryPerJob the treasury's net income per job (protocol fee and slash share, less juror rewards)
     * @param jobs jobs simulated
     * @param nanos wall time
     */
    public record Result(Map<String, Estimate> relativeProfit, Map<String, Estimate> profitPerJob,
                         Map<String, Estimate> verifierReturn, Map<String, Estimate> verifierProfitPerMillionJobs,
                         long honestSlashes, long challenges, long juryErrors, Estimate treasuryPerJob, long jobs,
                         long nanos) {}

    static final String[] VERIFIER_KINDS = {"diligent", "lazy", "colluding", "griefer"};

    /** Runs the market; runners serve the measured models in turn (runner i serves model i mod models). */
    public static Result run(NetworkParams params, Evidence evidence, Population population, Config config) {
        long t0 = System.nanoTime();
        List<String> models = List.copyOf(evidence.detection().keySet());
        Rates[] rates = new Rates[models.size()];
        for (int m = 0; m < rates.length; m++) {
            rates[m] = Rates.of(evidence, new Scenario(models.get(m), population.verifiers(), 0, 0, false, 0), params.jury());
        }
        long perRep = config.jobs() / config.replications();
        for (Population.Group g : population.runners()) {
            if (g.count() % config.replications() != 0) {
                throw new IllegalArgumentException("runner group '" + g.strategy().label() + "' of " + g.count()
                    + " does not split into " + config.replications() + " sub-markets");
            }
        }
        Replication[] reps = IntStream.range(0, config.replications()).parallel()
            .mapToObj(r -> new Replication(params, evidence, population, rates, config.replications(),
                config.seed() * 1_000_003L + r).run(perRep))
            .toArray(Replication[]::new);

        Map<String, Estimate> relative = new LinkedHashMap<>();
        Map<String, Estimate> perJob = new LinkedHashMap<>();
        List<Population.Group> groups = population.runners();
        for (int g = 0; g < groups.size(); g++) {
            double[] rel = new double[reps.length];
            double[] abs = new double[reps.length];
            for (int r = 0; r < reps.length; r++) {
                abs[r] = reps[r].groupProfit[g] / reps[r].groupJobs[g];
                rel[r] = abs[r] / (reps[r].groupProfit[0] / reps[r].groupJobs[0]);
            }
            relative.put(groups.get(g).strategy().label(), Estimate.of(rel));
            perJob.put(groups.get(g).strategy().label(), Estimate.of(abs));
        }
        Map<String, Estimate> vReturn = new LinkedHashMap<>();
        Map<String, Estimate> vProfit = new LinkedHashMap<>();
        for (int k = 0; k < VERIFIER_KINDS.length; k++) {
            double[] ret = new double[reps.length];
            double[] prof = new double[reps.length];
            for (int r = 0; r < reps.length; r++) {
                Replication rep = reps[r];
                ret[r] = rep.kindCost[k] > 0 ? rep.kindProfit[k] / rep.kindCost[k] : 0;
                prof[r] = rep.kindCount[k] == 0 ? 0 : rep.kindProfit[k] / rep.kindCount[k] / (perRep / 1e6);
            }
            vReturn.put(VERIFIER_KINDS[k], Estimate.of(ret));
            vProfit.put(VERIFIER_KINDS[k], Estimate.of(prof));
        }
        long honestSlashes = 0;
        long challenges = 0;
        long juryErrors = 0;
        double[] treasury = new double[reps.length];
        for (int r = 0; r < reps.length; r++) {
            honestSlashes += reps[r].honestSlashes;
            challenges += reps[r].challenges;
            juryErrors += reps[r].juryErrors;
            treasury[r] = reps[r].treasury / perRep;
        }
        return new Result(relative, perJob, vReturn, vProfit, honestSlashes, challenges, juryErrors,
            Estimate.of(treasury), perRep * reps.length, System.nanoTime() - t0);
    }

    /** One independent run of the market. */
    private static final class Replication {
        private final NetworkParams params;
        private final Evidence evidence;
        private final Population population;
        private final Rates[] rates;
        private final SplittableRandom rnd;
        private final Strategy[] strategy;
        private final int[] group;
        private final int[] pending;
        private final int[] verifierKind;
        final double[] groupProfit;
        final double[] groupJobs;
        final double[] kindProfit = new double[VERIFIER_KINDS.length];
        final double[] kindCost = new double[VERIFIER_KINDS.length];
        final int[] kindCount = new int[VERIFIER_KINDS.length];
        private final long[] auditsDone;
        private final double[] verifierProfit;
        long honestSlashes;
        long challenges;
        long juryErrors;
        double treasury;

        Replication(NetworkParams params, Evidence evidence, Population population, Rates[] rates, int share, long seed) {
            this.params = params;
            this.evidence = evidence;
            this.population = population;
            this.rates = rates;
            this.rnd = new SplittableRandom(seed);
            int n = population.runnerCount() / share;
            strategy = new Strategy[n];
            group = new int[n];
            pending = new int[n];
            int i = 0;
            List<Population.Group> groups = population.runners();
            for (int g = 0; g < groups.size(); g++) {
                for (int c = 0; c < groups.get(g).count() / share; c++, i++) {
                    strategy[i] = groups.get(g).strategy();
                    group[i] = g;
                }
            }
            groupProfit = new double[groups.size()];
            groupJobs = new double[groups.size()];
            int v = population.verifiers();
            verifierKind = new int[v];
            int at = 0;
            for (int k = 0; k < population.lazy(); k++) {
                verifierKind[at++] = 1;
            }
            for (int k = 0; k < population.colluding(); k++) {
                verifierKind[at++] = 2;
            }
            for (int k = 0; k < population.griefers(); k++) {
                verifierKind[at++] = 3;
            }
            for (int k = 0; k < v; k++) {
                kindCount[verifierKind[k]]++;
            }
            auditsDone = new long[v];
            verifierProfit = new double[v];
        }

        Replication run(long jobs) {
            double bps = NetworkParams.BPS;
            double payoutShare = 1 - (params.fees().protocolFeeBps() + params.fees().auditFeeBps()) / bps;
            double fraud = params.slashing().fraudSlashBps() / bps;
            double missed = params.slashing().missedDeadlineSlashBps() / bps;
            double challengerShare = params.slashing().challengerShareBps() / bps;
            double clientShare = params.slashing().clientShareBps() / bps;
            double auditRate = params.audit().rate();
            int followUps = params.audit().followUpsPerFlag();
            double withhold = params.audit().flagWithholdBps() / bps;
            double costShare = evidence.computeCostShare();
            double auditCostShare = evidence.verifyGenerateRatio() * costShare;
            double challengerFee = evidence.fees().challenger() * 1e9;
            double voteFee = evidence.fees().jurorVote() * 1e9;
            double reward = params.jury().jurorReward();
            double auditPool = 0;
            int runners = strategy.length;
            int verifiers = verifierKind.length;
            int[] jury = new int[params.jury().size()];
            for (long j = 0; j < jobs; j++) {
                int r = rnd.nextInt(runners);
                Strategy s = strategy[r];
                Rates rate = rates[r % rates.length];
                int tokens = evidence.market().tokens(rnd);
                double v = Math.max(1, Math.round(tokens * evidence.market().pricePerToken(rnd)));
                double lock = params.stakes().lockFor((long) v);
                double paid = v * payoutShare;
                treasury += v * params.fees().protocolFeeBps() / bps;
                auditPool += v * params.fees().auditFeeBps() / bps;
                int g = group[r];
                groupJobs[g]++;
                if (s instanceof Strategy.Offline o && rnd.nextDouble() < o.rate()) {
                    groupProfit[g] -= missed * lock; // no payment, no compute; the client is compensated
                    continue;
                }
                String cheat = null;
                if (s instanceof Strategy.Cheat c && tokens >= c.minTokens() && rnd.nextDouble() < c.probability()) {
                    cheat = c.cheat();
                } else if (s instanceof Strategy.Sybil sy && rnd.nextDouble() < sy.probability()) {
                    cheat = sy.cheat();
                }
                double profit = paid - costShare * v;
                if (cheat != null) {
                    var gain = rate.gain(cheat);
                    profit += gain.costSaved() * costShare * v + gain.extraBilled() * v;
                }
                boolean audit;
                if (pending[r] > 0) {
                    pending[r]--;
                    audit = true;
                } else {
                    audit = rnd.nextDouble() < auditRate;
                }
                if (audit) {
                    int auditor = rnd.nextInt(verifiers);
                    if (verifierKind[auditor] != 1) {
                        auditsDone[auditor]++;
                        verifierProfit[auditor] -= auditCostShare * v;
                        kindCost[verifierKind[auditor]] += auditCostShare * v;
                        double u = rnd.nextDouble();
                        double reject = cheat != null ? rate.rejected(cheat) : rate.honestFalsePositive();
                        double flag = cheat != null ? rate.flagged(cheat) : rate.honestFlag();
                        boolean griefing = cheat == null && verifierKind[auditor] == 3
                            && rnd.nextDouble() < population.griefRate();
                        if (u < reject || griefing) {
                            challenges++;
                            boolean guilty = juryVerdict(jury, auditor, cheat != null);
                            if (guilty != (cheat != null)) {
                                juryErrors++;
                            }
                            verifierProfit[auditor] -= challengerFee;
                            double slash = fraud * lock;
                            if (guilty) {
                                profit -= paid + slash;
                                honestSlashes += cheat == null ? 1 : 0;
                                verifierProfit[auditor] += challengerShare * slash;
                                treasury += (1 - challengerShare - clientShare) * slash;
                            } else {
                                // The challenger's bond, assumed equal to the runner's slash, goes to the runner.
                                verifierProfit[auditor] -= slash;
                                profit += slash;
                            }
                            payJurors(jury, guilty, cheat != null, reward, voteFee);
                            treasury -= reward * jury.length;
                            if (s instanceof Strategy.Sybil sy) {
                                profit -= sy.identityCost();
                            } else {
                                pending[r] = followUps;
                            }
                        } else if (u < reject + flag) {
                            profit -= withhold * paid;
                            if (s instanceof Strategy.Sybil sy) {
                                profit -= sy.identityCost();
                            } else {
                                pending[r] = followUps;
                            }
                        }
                    }
                }
                groupProfit[g] += profit;
            }
            // Audit pay is claimed per audit done (a lazy verifier did none): one claim per verifier per run.
            long totalAudits = 0;
            for (long a : auditsDone) {
                totalAudits += a;
            }
            for (int k = 0; k < verifiers; k++) {
                if (auditsDone[k] > 0) {
                    verifierProfit[k] += auditPool * auditsDone[k] / totalAudits - evidence.fees().auditClaim() * 1e9;
                }
                kindProfit[verifierKind[k]] += verifierProfit[k];
            }
            return this;
        }

        /**
         * Draws a jury (not the challenger) and returns whether it finds the runner guilty. Diligent
         * and griefing jurors re-check and vote the truth, lazy ones vote with the challenger,
         * colluders vote for the runner when it cheated and against it otherwise.
         */
        private boolean juryVerdict(int[] jury, int challenger, boolean cheated) {
            int n = jury.length;
            int guiltyVotes = 0;
            for (int i = 0; i < n; i++) {
                int pick;
                boolean fresh;
                do {
                    pick = rnd.nextInt(verifierKind.length);
                    fresh = pick != challenger;
                    for (int k = 0; k < i && fresh; k++) {
                        fresh = jury[k] != pick;
                    }
                } while (!fresh);
                jury[i] = pick;
                int kind = verifierKind[pick];
                boolean votesGuilty = switch (kind) {
                    case 1 -> true;
                    case 2 -> !cheated;
                    default -> cheated;
                };
                guiltyVotes += votesGuilty ? 1 : 0;
            }
            return guiltyVotes > n - guiltyVotes && guiltyVotes >= params.jury().quorum();
        }

        private void payJurors(int[] jury, boolean guilty, boolean cheated, double reward, double voteFee) {
            for (int pick : jury) {
                int kind = verifierKind[pick];
                boolean votedGuilty = kind == 1 || (kind == 2 ? !cheated : cheated);
                double p = (votedGuilty == guilty ? reward : 0) - voteFee;
                verifierProfit[pick] += p;
            }
        }
    }

    /** Two-sided 95 % Student t quantile for {@code df} degrees of freedom. */
    static double tQuantile(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
            2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086};
        return df <= 0 ? Double.NaN : df <= table.length ? table[df - 1] : 1.96 + 2.4 / df;
    }
}
