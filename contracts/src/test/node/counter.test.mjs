// Behaviour of counter.fc on the official TON emulator (@ton/sandbox), driven from
// CounterSandboxTest. The code cell under test is the one packaged in the jar: its BoC path
// comes in COUNTER_BOC. Every scenario checks the exit code and the state afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Blockchain, internal } = require('@ton/sandbox');
const { Cell, beginCell, contractAddress, toNano, external } = require('@ton/core');
const { keyPairFromSeed, sign } = require('@ton/crypto');

// Tags from counter.tlb, errors from errors.fc.
const OP = { increment: 0x35e6e778, reset: 0xb4f2c4d3, burnGas: 0x8c4e077c, withdraw: 0xb44fe829,
  withdrawn: 0xe96d9eea, extIncrement: 0xe23504ab, extReset: 0x3e11565d };
const ERR = { notOwner: 1001, unknownOp: 1002, badSignature: 1003, badSeqno: 1004, expired: 1005,
  wrongAddress: 1006, overflow: 1007, insufficientBalance: 1008 };
const CELL_UNDERFLOW = 9;
const OUT_OF_GAS = -14;

const bocPath = process.env.COUNTER_BOC;
assert.ok(bocPath, 'COUNTER_BOC must name the compiled counter code BoC');
const code = Cell.fromBoc(readFileSync(bocPath))[0];
const key = keyPairFromSeed(Buffer.alloc(32, 7));
const otherKey = keyPairFromSeed(Buffer.alloc(32, 9));

function storage({ owner, counter = 0n, seqno = 0, id = 42 }) {
  return beginCell().storeAddress(owner).storeBuffer(key.publicKey).storeUint(seqno, 32)
    .storeUint(id, 32).storeUint(counter, 64).endCell();
}
const body = (op, queryId, fill = (b) => b) => fill(beginCell().storeUint(op, 32).storeUint(queryId, 64)).endCell();
const increment = (by) => body(OP.increment, 1, (b) => b.storeUint(by, 32));

async function setup(data = {}) {
  const chain = await Blockchain.create();
  const owner = await chain.treasury('owner');
  const stranger = await chain.treasury('stranger');
  const init = { code, data: storage({ owner: owner.address, ...data }) };
  const address = contractAddress(0, init);
  const deploy = await owner.send({ to: address, value: toNano('1'), init, body: increment(0) });
  assert.equal(txTo(deploy, address).description.computePhase.exitCode, 0);
  const get = async (method) => (await chain.runGetMethod(address, method)).stackReader;
  const counter = async () => (await get('get_counter')).readBigNumber();
  return { chain, owner, stranger, address, get, counter, init };
}

function txTo(result, address) {
  const tx = result.transactions.find((t) => t.inMessage?.info.dest?.equals?.(address));
  assert.ok(tx, `no transaction on ${address}`);
  return tx;
}
const exitOf = (result, address) => txTo(result, address).description.computePhase.exitCode;
function bouncedBackTo(result, sender) {
  return result.transactions.some((t) => t.inMessage?.info.type === 'internal'
    && t.inMessage.info.bounced && t.inMessage.info.dest.equals(sender));
}

test('get-methods read the deployed storage', async () => {
  const { owner, get, counter } = await setup({ id: 42 });
  assert.equal(await counter(), 0n);
  assert.ok((await get('get_owner')).readAddress().equals(owner.address));
  assert.equal((await get('get_seqno')).readNumber(), 0);
  assert.equal((await get('get_id')).readNumber(), 42);
  assert.equal((await get('get_public_key')).readBigNumber(), BigInt('0x' + key.publicKey.toString('hex')));
});

test('anyone increments; owner resets; a stranger reset throws 1001 and bounces', async () => {
  const { owner, stranger, address, counter } = await setup();
  assert.equal(exitOf(await owner.send({ to: address, value: toNano('0.05'), body: increment(5) }), address), 0);
  assert.equal(exitOf(await stranger.send({ to: address, value: toNano('0.05'), body: increment(3) }), address), 0);
  assert.equal(await counter(), 8n);

  const denied = await stranger.send({ to: address, value: toNano('0.05'), body: body(OP.reset, 2) });
  assert.equal(exitOf(denied, address), ERR.notOwner);
  assert.ok(bouncedBackTo(denied, stranger.address), 'failed reset bounces to its sender');
  assert.equal(await counter(), 8n);

  assert.equal(exitOf(await owner.send({ to: address, value: toNano('0.05'), body: body(OP.reset, 3) }), address), 0);
  assert.equal(await counter(), 0n);
});

test('unknown op throws 1002, malformed body throws 9; both bounce and change nothing', async () => {
  const { stranger, address, counter } = await setup({ counter: 4n });
  const unknown = await stranger.send({ to: address, value: toNano('0.05'), body: body(0xdeadbeef, 1) });
  assert.equal(exitOf(unknown, address), ERR.unknownOp);
  assert.ok(bouncedBackTo(unknown, stranger.address));
  const truncated = await stranger.send({ to: address, value: toNano('0.05'), body: body(OP.increment, 1) });
  assert.equal(exitOf(truncated, address), CELL_UNDERFLOW);
  assert.ok(bouncedBackTo(truncated, stranger.address));
  const trailing = await stranger.send({ to: address, value: toNano('0.05'),
    body: body(OP.increment, 1, (b) => b.storeUint(1, 32).storeUint(1, 1)) });
  assert.equal(exitOf(trailing, address), CELL_UNDERFLOW);
  assert.equal(await counter(), 4n);
});

test('counter overflow throws 1007', async () => {
  const { stranger, address, counter } = await setup({ counter: (1n << 64n) - 2n });
  assert.equal(exitOf(await stranger.send({ to: address, value: toNano('0.05'), body: increment(1) }), address), 0);
  assert.equal(exitOf(await stranger.send({ to: address, value: toNano('0.05'), body: increment(1) }), address), ERR.overflow);
  assert.equal(await counter(), (1n << 64n) - 1n);
});

test('top-ups and bounced messages are accepted without a state change', async () => {
  const { chain, stranger, address, counter } = await setup({ counter: 6n });
  assert.equal(exitOf(await stranger.send({ to: address, value: toNano('0.05') }), address), 0);
  const comment = beginCell().storeUint(0, 32).storeStringTail('hi').endCell();
  assert.equal(exitOf(await stranger.send({ to: address, value: toNano('0.05'), body: comment }), address), 0);
  // A bounced body that would throw if it were processed (a stranger's reset).
  const bounced = await chain.sendMessage(internal({ from: stranger.address, to: address, value: toNano('0.05'),
    bounced: true, bounce: false, body: beginCell().storeUint(0xffffffff, 32).storeUint(OP.reset, 32).endCell() }));
  assert.equal(exitOf(bounced, address), 0);
  assert.equal(await counter(), 6n);
});

test('burn_gas: enough value succeeds, little value runs out of gas (-14)', async () => {
  const { stranger, address, counter } = await setup({ counter: 1n });
  const burn = (rounds) => body(OP.burnGas, 1, (b) => b.storeUint(rounds, 32));
  const ok = await stranger.send({ to: address, value: toNano('0.5'), body: burn(100) });
  assert.equal(exitOf(ok, address), 0);
  const starved = await stranger.send({ to: address, value: toNano('0.01'), body: burn(1_000_000) });
  assert.equal(exitOf(starved, address), OUT_OF_GAS);
  assert.equal(await counter(), 1n);
});

test('withdraw: owner gets the amount with a withdrawn reply; stranger 1001; reserve kept 1008', async () => {
  const { owner, stranger, address, chain } = await setup();
  const withdraw = (amount, q) => body(OP.withdraw, q, (b) => b.storeCoins(amount));
  assert.equal(exitOf(await stranger.send({ to: address, value: toNano('0.05'), body: withdraw(toNano('0.1'), 1) }), address), ERR.notOwner);

  const paid = await owner.send({ to: address, value: toNano('0.05'), body: withdraw(toNano('0.5'), 77) });
  assert.equal(exitOf(paid, address), 0);
  const reply = paid.transactions.find((t) => t.inMessage?.info.src?.equals?.(address) && t.inMessage.info.dest.equals(owner.address));
  assert.ok(reply, 'the counter sent a message to its owner');
  assert.equal(reply.inMessage.info.value.coins, toNano('0.5'));
  const s = reply.inMessage.body.beginParse();
  assert.equal(s.loadUint(32), OP.withdrawn);
  assert.equal(s.loadUintBig(64), 77n);

  const balance = (await chain.getContract(address)).balance;
  const greedy = await owner.send({ to: address, value: toNano('0.05'), body: withdraw(balance, 78) });
  assert.equal(exitOf(greedy, address), ERR.insufficientBalance);
});

function signedExternal(address, { seqno, validUntil, action, signer = key, expected = address }) {
  const signed = beginCell().storeAddress(expected).storeUint(validUntil, 32).storeUint(seqno, 32)
    .storeBuilder(action).endCell();
  return beginCell().storeBuffer(sign(signed.hash(), signer.secretKey)).storeSlice(signed.beginParse()).endCell();
}

test('external messages: signed ones act and bump seqno; replays, bad keys, expiry, other addresses are rejected', async () => {
  const { chain, address, counter, get } = await setup({ counter: 10n });
  const now = Math.floor(Date.now() / 1000);
  chain.now = now;
  const inc = (by) => beginCell().storeUint(OP.extIncrement, 32).storeUint(by, 32);
  const send = (b) => chain.sendMessage(external({ to: address, body: b }));
  const rejected = async (b, exitCode) => {
    await assert.rejects(send(b), (e) => e.exitCode === exitCode);
  };

  const first = signedExternal(address, { seqno: 0, validUntil: now + 60, action: inc(7) });
  assert.equal(exitOf(await send(first), address), 0);
  assert.equal(await counter(), 17n);
  assert.equal((await get('get_seqno')).readNumber(), 1);

  await rejected(first, ERR.badSeqno); // replay
  await rejected(signedExternal(address, { seqno: 1, validUntil: now + 60, action: inc(1), signer: otherKey }), ERR.badSignature);
  await rejected(signedExternal(address, { seqno: 1, validUntil: now - 1, action: inc(1) }), ERR.expired);
  const elsewhere = contractAddress(0, { code, data: storage({ owner: address, id: 99 }) });
  await rejected(signedExternal(address, { seqno: 1, validUntil: now + 60, action: inc(1), expected: elsewhere }), ERR.wrongAddress);
  await rejected(signedExternal(address, { seqno: 1, validUntil: now + 60, action: beginCell().storeUint(0x12345678, 32) }), ERR.unknownOp);
  assert.equal(await counter(), 17n);
  assert.equal((await get('get_seqno')).readNumber(), 1);

  const reset = signedExternal(address, { seqno: 1, validUntil: now + 60, action: beginCell().storeUint(OP.extReset, 32) });
  assert.equal(exitOf(await send(reset), address), 0);
  assert.equal(await counter(), 0n);
  assert.equal((await get('get_seqno')).readNumber(), 2);
});
