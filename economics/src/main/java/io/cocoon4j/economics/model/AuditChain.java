package io.cocoon4j.economics.model;

/**
 * The long-run audit exposure of one runner under the follow-up policy. Each job is audited with
 * probability {@code baseRate}; an audit that flags or rejects (a <em>hit</em>) makes the runner's
 * next {@code followUps} jobs audited for certain, and a hit during those restarts the count. The
 * chain's states are the follow-ups still pending (0..K); its stationary distribution gives the
 * share of the runner's jobs audited. Every audit is real only with probability {@code effective}
 * (a lazy verifier drawn to audit checks nothing).
 *
 * @param auditedShare the long-run share of jobs audited (by a verifier that really checks)
 */
public record AuditChain(double auditedShare) {

    /**
     * @param baseRate the network's audit rate
     * @param followUps audits promised after a hit
     * @param hit P(an effective audit of one of this runner's jobs flags or rejects it)
     * @param effective P(an audit is done by a verifier that really checks)
     */
    public static AuditChain of(double baseRate, int followUps, double hit, double effective) {
        return of(baseRate, followUps, hit, effective, 0);
    }

    /**
     * The mean share of the first {@code horizon} jobs audited, starting with no follow-up pending (a
     * new runner); 0 for the stationary share (a runner that serves forever). A runner that serves a
     * few hundred jobs spends much of them before its first flag, so the horizon matters for
     * cheaters that cheat rarely.
     */
    public static AuditChain of(double baseRate, int followUps, double hit, double effective, int horizon) {
        if (horizon > 0 && followUps > 0 && hit > 0 && baseRate * effective > 0) {
            return transient_(baseRate * effective, effective, followUps, hit, horizon);
        }
        return stationary(baseRate, followUps, hit, effective);
    }

    private static AuditChain transient_(double a, double b, int k, double hit, int horizon) {
        double[] pi = new double[k + 1];
        double[] next = new double[k + 1];
        pi[0] = 1;
        double audited = 0;
        for (int t = 0; t < horizon; t++) {
            double pending = 1 - pi[0];
            audited += a * pi[0] + b * pending;
            java.util.Arrays.fill(next, 0);
            next[k] += pi[0] * a * hit;
            next[0] += pi[0] * (1 - a * hit);
            for (int j = 1; j <= k; j++) {
                next[k] += pi[j] * b * hit;
                next[j - 1] += pi[j] * (1 - b * hit);
            }
            double[] swap = pi;
            pi = next;
            next = swap;
        }
        return new AuditChain(audited / horizon);
    }

    private static AuditChain stationary(double baseRate, int followUps, double hit, double effective) {
        double a = baseRate * effective;
        double b = effective;
        if (a <= 0) {
            return new AuditChain(0);
        }
        if (followUps == 0 || hit <= 0) {
            return new AuditChain(a);
        }
        // Unnormalised stationary weights: state K gets w, state j (1..K-1) gets w (1 - b h)^(K - j);
        // state 0 balances its outflow a h against the inflow from state 1.
        double stay = 1 - b * hit;
        double[] pi = new double[followUps + 1];
        pi[followUps] = 1;
        for (int j = followUps - 1; j >= 1; j--) {
            pi[j] = pi[j + 1] * stay;
        }
        pi[0] = pi[1] * stay / (a * hit);
        double total = 0;
        for (double v : pi) {
            total += v;
        }
        double pending = (total - pi[0]) / total;
        return new AuditChain(a * (pi[0] / total) + b * pending);
    }
}
