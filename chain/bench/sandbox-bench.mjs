// The reference side of `cocoon bench chain`: the same workload as ChainBench.java, on
// @ton/sandbox's Blockchain under Node, with the same config for transactions and get-methods.
// Prints one JSON object on stdout, with a SHA-256 over every transaction hash in order (ChainBench
// requires LocalChain's to be equal).
//
// Usage: node sandbox-bench.mjs <counter code BoC, base64> <warm-up sends> <measured sends> <get-method calls> [default|slim]
// Workload: fund a wallet v4r2 (keys from sha256("bench")), deploy the counter through it, then
// wallet → counter increments (a signed external and two transactions each), then get_counter calls.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'contracts', 'package.json'));
const { Blockchain } = require('@ton/sandbox');
const { Address, beginCell, Cell, contractAddress, storeMessageRelaxed, toNano } = require('@ton/core');
const { keyPairFromSeed, sign } = require('@ton/crypto');

const [counterB64, warmArg, sendsArg, getsArg, configArg] = process.argv.slice(2);
const WARM = Number(warmArg ?? 50), SENDS = Number(sendsArg ?? 200), GETS = Number(getsArg ?? 200);
const SUBWALLET = 698983191;
const NOW = 1750000000;
const walletCode = Cell.fromBoc(Buffer.from(
    readFileSync(path.join(repo, 'chain/src/main/resources/io/cocoon4j/chain/wallet-v4r2.boc.hex'), 'utf8').trim(), 'hex'))[0];
const counterCode = Cell.fromBase64(counterB64);

const keys = keyPairFromSeed(createHash('sha256').update('bench', 'utf8').digest());
const walletData = beginCell().storeUint(0, 32).storeUint(SUBWALLET, 32).storeBuffer(keys.publicKey).storeBit(false).endCell();
const walletInit = { code: walletCode, data: walletData };
const wallet = contractAddress(0, walletInit);

const bc = await Blockchain.create({ config: configArg === 'slim' ? 'slim' : 'default' });
bc.now = NOW;

async function send(to, value, body, init) {
  // seqno from the wallet's data (its first 32 bits), as WalletV4 reads it: no get-method per send.
  const state = (await bc.getContract(wallet)).accountState;
  const seqno = state?.type === 'active' ? state.state.data.beginParse().loadUint(32) : 0;
  const b = beginCell().storeUint(SUBWALLET, 32).storeUint(bc.now + 60, 32).storeUint(seqno, 32).storeUint(0, 8);
  b.storeUint(3, 8).storeRef(beginCell().store(storeMessageRelaxed({
    info: { type: 'internal', ihrDisabled: true, bounce: !init, bounced: false, dest: to, value: { coins: value },
            ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 },
    init, body: body ?? new Cell() })).endCell());
  const toSign = b.endCell();
  const ext = beginCell().storeBuffer(sign(toSign.hash(), keys.secretKey)).storeBuilder(toSign.asBuilder()).endCell();
  return bc.sendMessage({ info: { type: 'external-in', dest: wallet, importFee: 0n }, body: ext });
}

const hashes = [];
const record = (res) => { for (const t of res.transactions) hashes.push(t.hash()); return res; };

// Cold start: process start to the first transaction (the wallet's funding).
record(await bc.sendMessage({ info: { type: 'internal', ihrDisabled: true, bounce: false, bounced: false,
    src: new Address(0, Buffer.alloc(32)), dest: wallet, value: { coins: toNano('1000000') },
    ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 }, init: walletInit, body: new Cell() }));
const coldStartMs = process.uptime() * 1000;

const counterData = beginCell().storeAddress(wallet).storeBuffer(keys.publicKey)
    .storeUint(0, 32).storeUint(1, 32).storeUint(0, 64).endCell();
const counterInit = { code: counterCode, data: counterData };
const counter = contractAddress(0, counterInit);
record(await send(counter, toNano('1'), undefined, counterInit));

const increment = (i) => beginCell().storeUint(0x35e6e778, 32).storeUint(i, 64).storeUint(1, 32).endCell();
let txs = 0;
for (let i = 0; i < WARM; i++) record(await send(counter, toNano('0.05'), increment(i)));
const t0 = process.hrtime.bigint();
for (let i = 0; i < SENDS; i++) txs += record(await send(counter, toNano('0.05'), increment(i))).transactions.length;
const sendNs = Number(process.hrtime.bigint() - t0);

for (let i = 0; i < WARM; i++) await bc.runGetMethod(counter, 'get_counter'); // as many warm-up calls as warm-up sends
const lat = [];
let last = 0n;
for (let i = 0; i < GETS; i++) {
  const g0 = process.hrtime.bigint();
  last = (await bc.runGetMethod(counter, 'get_counter')).stackReader.readBigNumber();
  lat.push(Number(process.hrtime.bigint() - g0) / 1e6);
}
const digest = createHash('sha256');
for (const h of hashes) digest.update(h);
process.stdout.write(JSON.stringify({
  engine: '@ton/sandbox (Node ' + process.version + ')',
  config: configArg === 'slim' ? 'slim' : 'default',
  cold_start_ms: Math.round(coldStartMs),
  transactions: txs,
  send_ns: sendNs,
  get_method_ms: lat,
  counter: last.toString(),
  all_transactions: hashes.length,
  transactions_sha256: digest.digest('hex'),
}) + '\n');
