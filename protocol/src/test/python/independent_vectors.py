#!/usr/bin/env python3
"""An implementation of the protocol's hashes written from the Javadoc alone (hashlib + struct),
independent of the Java code. ProtocolVectorsTest.knownAnswersFromOutsideThisCode pins what this
prints; rerun it after a deliberate encoding change:  python3 protocol/src/test/python/independent_vectors.py
"""
import hashlib
import math
import os
import struct


def sha(tag, body):
    return hashlib.sha256(bytes([tag]) + body).digest()


def counting(start):
    return bytes((start + i) % 256 for i in range(32))


def u32(v):
    return struct.pack(">I", v)


def input_commitment(salt, tokens):
    return sha(0x05, salt + u32(len(tokens)) + b"".join(u32(t) for t in tokens))


def chunk_root(job_id, tokens):
    leaves = []
    for c in range(0, len(tokens), 32):
        chunk = tokens[c:c + 32]
        leaves.append(sha(0x02, job_id + u32(c // 32) + u32(len(chunk)) + b"".join(u32(t) for t in chunk)))
    if not leaves:
        return bytes(32)
    width = 1
    while width < len(leaves):
        width *= 2
    level = leaves + [bytes(32)] * (width - len(leaves))
    while len(level) > 1:
        level = [sha(0x03, level[i] + level[i + 1]) for i in range(0, len(level), 2)]
    return level[0]


def result_hash(job_id, model, engine, context_length, commitment, sampling, max_tokens, tokens):
    root = chunk_root(job_id, tokens)
    body = (job_id + model + sha(0x04, engine.encode()) + u32(context_length) + commitment + sampling
            + u32(max_tokens) + u32(len(tokens)) + root)
    assert len(body) == 197
    return sha(0x01, body), root


MASK = (1 << 64) - 1


def splitmix64(seed, position):
    """Output `position` (0-based) of SplitMix64 seeded with `seed`, as the SplitMix64Draws Javadoc says."""
    z = (seed + (position + 1) * 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def uniform(seed, position):
    return (splitmix64(seed, position) >> 11) * 2.0 ** -53


def sample(logits, temperature, top_k, top_p, min_p, u):
    """The Sampler Javadoc's steps: rank, top-k, weights, top-p, min-p, inverse CDF in token-id order."""
    ranks = sorted(range(len(logits)), key=lambda i: (-logits[i], i))
    kept = top_k if 0 < top_k < len(logits) else len(logits)
    m = logits[ranks[0]]
    weight = [math.exp((logits[t] - m) / temperature) for t in ranks]
    if top_p < 1:
        total = 0.0
        for r in range(kept):
            total += weight[r]
        before, n = 0.0, 0
        while n < kept and before < top_p * total:
            before += weight[n]
            n += 1
        kept = n
    survivors = [r for r in range(kept) if r == 0 or min_p <= 0 or weight[r] >= min_p]
    by_id = sorted(survivors, key=lambda r: ranks[r])
    total = 0.0
    for r in by_id:
        total += weight[r]
    running = 0.0
    for r in by_id:
        running += weight[r]
        if running > u * total:
            return ranks[r]
    return ranks[by_id[-1]]


salt = counting(1)
prompt = [1, 15043, 3186, 0, 65535]
commitment = input_commitment(salt, prompt)
greedy = bytes(25)  # u8 mode 0, four u32 zeros, u64 seed 0
output = [(i * 37 + 11) % 556 for i in range(70)]
rh, root = result_hash(counting(0x40), counting(0x80), "llama.cpp b4916 cpu", 4096, commitment, greedy, 96, output)
print("engine.hash =", sha(0x04, b"llama.cpp b4916 cpu").hex())
print("input.commitment =", commitment.hex())
print("greedyJob.chunkRoot =", root.hex())
print("greedyJob.resultHash =", rh.hex())

seed = 0x0123456789abcdef
for i in range(5):
    print("draw.%d = %x" % (i, splitmix64(seed, i)))
# The logits are an input of the vectors file (float32 in Java's hex notation); the outputs below are not read.
vectors = os.path.join(os.path.dirname(__file__), "..", "resources", "vectors", "protocol-vectors.txt")
with open(vectors) as f:
    line = next(l for l in f if l.startswith("sampler.logits = "))
logits = [float.fromhex(x) for x in line.split(" = ")[1].strip().split(",")]
print("sampler.greedy =", min(range(len(logits)), key=lambda i: (-logits[i], i)))
print("sampler.sampled =", ",".join(str(sample(logits, 0.7, 40, 0.95, 0.05, uniform(seed, i))) for i in range(5)))
print("sampler.plain =", ",".join(str(sample(logits, 1.0, 0, 1.0, 0.0, uniform(7, i))) for i in range(5)))
