#!/usr/bin/env python3
"""An implementation of the protocol's hashes written from the Javadoc alone (hashlib + struct),
independent of the Java code. ProtocolVectorsTest.knownAnswersFromOutsideThisCode pins what this
prints; rerun it after a deliberate encoding change:  python3 protocol/src/test/python/independent_vectors.py
"""
import hashlib
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
