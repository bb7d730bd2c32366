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
