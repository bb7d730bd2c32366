package io.cocoon4j.network.local;

import io.cocoon4j.protocol.Hash32;

/**
 * A masterchain block of the local network: one per processed message (a trace, a funding, a
 * rejected external), so clients that poll the masterchain seqno see it advance.
 *
 * @param seqno masterchain seqno, 1 for the network's first block
 * @param utime unix time of the block
 * @param rootHash chained hash: SHA-256 of the previous root hash and this block's transactions
 */
public record BlockId(long seqno, long utime, Hash32 rootHash) {}
