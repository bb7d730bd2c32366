package io.cocoon4j.protocol.sampling;

/**
 * One uniform draw in {@code [0, 1)} per output position, reproducible by anyone who knows the
 * job's public seed. Counter-based: position {@code i}'s draw does not depend on earlier draws, so a
 * verifier can start at any chunk.
 */
public interface DrawSource {
    /** The draw for output position {@code position} (0-based), in {@code [0, 1)}. */
    double uniform(int position);
}
