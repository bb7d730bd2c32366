package io.cocoon4j.economics.model;

import io.cocoon4j.protocol.params.NetworkParams;

/**
 * How likely a jury is to decide against the truth, when {@code bad} of the {@code pool} registered
 * verifiers vote for the wrong side (colluders, or lazy jurors that side with the challenger). Jurors
 * are drawn without replacement, so the count of bad jurors is hypergeometric. A jury fails when the
 * bad jurors hold a majority of the revealed votes, or when the good ones are too few to reach the
 * quorum (the dispute then falls back to the runner, which is the wrong side when the runner cheated).
 */
public final class JuryOdds {
    private JuryOdds() {}

    /**
     * P(wrong verdict) with {@code bad} of {@code pool} verifiers against the truth.
     *
     * @param failOnQuorum true when a missing quorum decides for the wrong side (a cheating runner
     *                     wins by default; bad jurors may abstain to cause that)
     */
    public static double failure(NetworkParams.Jury jury, int pool, int bad, boolean failOnQuorum) {
        if (pool < jury.size()) {
            throw new IllegalArgumentException("need at least " + jury.size() + " verifiers, have " + pool);
        }
        double p = 0;
        for (int k = 0; k <= jury.size(); k++) {
            int good = jury.size() - k;
            boolean badMajority = k > good;
            boolean noQuorum = failOnQuorum && good < jury.quorum();
            if (badMajority || noQuorum) {
                p += hypergeometric(pool, bad, jury.size(), k);
            }
        }
        return Math.min(1, p);
    }

    /**
     * The smallest share of verifier stake (verifiers of equal stake) at which a jury decides
     * against the truth with probability at least {@code level}.
     */
    public static double thresholdShare(NetworkParams.Jury jury, int pool, double level, boolean failOnQuorum) {
        for (int bad = 0; bad <= pool; bad++) {
            if (failure(jury, pool, bad, failOnQuorum) >= level) {
                return bad / (double) pool;
            }
        }
        return 1;
    }

    /** P(X = k), X the number of marked items among n drawn without replacement from N holding K marked. */
    static double hypergeometric(int bigN, int bigK, int n, int k) {
        if (k < 0 || k > n || k > bigK || n - k > bigN - bigK) {
            return 0;
        }
        return Math.exp(logChoose(bigK, k) + logChoose(bigN - bigK, n - k) - logChoose(bigN, n));
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
