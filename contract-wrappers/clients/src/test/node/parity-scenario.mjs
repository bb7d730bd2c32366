// The reference side of the chain parity test: runs the parity scenario on @ton/sandbox's
// Blockchain and prints one JSON object (transaction hashes and BoCs per step, get-method stacks).
// ParityTest runs the same scenario on LocalChain and requires identical results.
//
// Usage: node parity-scenario.mjs <counter code BoC, base64>
// Every constant and every message layout here must match contract-wrappers/clients/src/test/java/io/cocoon4j/wrappers/ParityScenario.java.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../../..');
const require = createRequire(path.join(repo, 'contracts', 'package.json'));
const { Blockchain } = require('@ton/sandbox');
const { Address, beginCell, Cell, contractAddress, storeMessageRelaxed, toNano } = require('@ton/core');
const { keyPairFromSeed, sign } = require('@ton/crypto');

const NOW = 1750000000;
const SUBWALLET = 698983191;
const OP = { increment: 0x35e6e778, reset: 0xb4f2c4d3, burnGas: 0x8c4e077c, withdraw: 0xb44fe829,
             extIncrement: 0xe23504ab };
const walletCode = Cell.fromBoc(Buffer.from(
    readFileSync(path.join(repo, 'chain/src/main/resources/io/cocoon4j/chain/wallet-v4r2.boc.hex'), 'utf8').trim(), 'hex'))[0];
const counterCode = Cell.fromBase64(process.argv[2]);

const keys = (name) => keyPairFromSeed(createHash('sha256').update(name, 'utf8').digest());

function wallet(name) {
  const k = keys(name);
  const data = beginCell().storeUint(0, 32).storeUint(SUBWALLET, 32).storeBuffer(k.publicKey).storeBit(false).endCell();
  const init = { code: walletCode, data };
  return { name, keys: k, init, address: contractAddress(0, init) };
}

const out = { steps: [], gets: [] };
const bc = await Blockchain.create();
bc.now = NOW;

function txJson(tx) {
  const d = tx.description;
  const compute = d.type === 'generic' ? d.computePhase : undefined;
  return {
    account: new Address(0, Buffer.from(tx.address.toString(16).padStart(64, '0'), 'hex')).toRawString(),
    lt: tx.lt.toString(),
    hash: tx.hash().toString('hex'),
    boc: tx.raw.toBoc().toString('base64'),
    exitCode: compute && compute.type === 'vm' ? compute.exitCode : null,
    outMessages: tx.outMessagesCount,
  };
}

async function step(name, run) {
  try {
    const res = await run();
    out.steps.push({ name, transactions: res.transactions.map(txJson) });
  } catch (e) {
    out.steps.push({ name, rejected: { exitCode: e.exitCode ?? null, message: String(e.message).split('\n')[0] } });
  }
}

async function fund(w, amount) {
  return bc.sendMessage({
    info: { type: 'internal', ihrDisabled: true, bounce: false, bounced: false,
            src: new Address(0, Buffer.alloc(32)), dest: w.address, value: { coins: amount },
            ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 },
    init: w.init,
    body: new Cell(),
  });
}

async function walletSend(w, transfers) {
  const state = (await bc.getContract(w.address)).accountState;
  const active = state?.type === 'active';
  const seqno = active ? Number((await bc.runGetMethod(w.address, 'seqno')).stackReader.readNumber()) : 0;
  const b = beginCell().storeUint(SUBWALLET, 32).storeUint(bc.now + 60, 32).storeUint(seqno, 32).storeUint(0, 8);
  for (const t of transfers) {
    b.storeUint(3, 8);
    b.storeRef(beginCell().store(storeMessageRelaxed({
      info: { type: 'internal', ihrDisabled: true, bounce: t.bounce, bounced: false, dest: t.to,
              value: { coins: t.value }, ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 },
      init: t.init ?? undefined,
      body: t.body ?? new Cell(),
    })).endCell());
  }
  const toSign = b.endCell();
  const body = beginCell().storeBuffer(sign(toSign.hash(), w.keys.secretKey)).storeBuilder(toSign.asBuilder()).endCell();
  return bc.sendMessage({ info: { type: 'external-in', dest: w.address, importFee: 0n },
                          init: active ? undefined : w.init, body });
}

const alice = wallet('alice');
const bob = wallet('bob');
const signer = keys('counter-signer');
const counterData = beginCell().storeAddress(alice.address).storeBuffer(signer.publicKey)
    .storeUint(0, 32).storeUint(7, 32).storeUint(0, 64).endCell();
const counterInit = { code: counterCode, data: counterData };
const counter = contractAddress(0, counterInit);
const nowhere = new Address(0, createHash('sha256').update('nowhere', 'utf8').digest());

function externalIncrement(seqno, by) {
  const signed = beginCell().storeAddress(counter).storeUint(bc.now + 60, 32).storeUint(seqno, 32)
      .storeUint(OP.extIncrement, 32).storeUint(by, 32).endCell();
  const body = beginCell().storeBuffer(sign(signed.hash(), signer.secretKey)).storeBuilder(signed.asBuilder()).endCell();
  return bc.sendMessage({ info: { type: 'external-in', dest: counter, importFee: 0n }, body });
}

await step('fund alice', () => fund(alice, toNano('1000')));
await step('fund bob', () => fund(bob, toNano('1000')));
await step('deploy counter', () => walletSend(alice, [{ to: counter, value: toNano('0.5'), bounce: false, init: counterInit }]));
await step('increment', () => walletSend(alice, [{ to: counter, value: toNano('0.05'), bounce: true,
    body: beginCell().storeUint(OP.increment, 32).storeUint(1, 64).storeUint(5, 32).endCell() }]));
await step('reset by stranger (throw, bounce)', () => walletSend(bob, [{ to: counter, value: toNano('0.05'), bounce: true,
    body: beginCell().storeUint(OP.reset, 32).storeUint(2, 64).endCell() }]));
await step('burn gas (out of gas)', () => walletSend(alice, [{ to: counter, value: toNano('0.01'), bounce: true,
    body: beginCell().storeUint(OP.burnGas, 32).storeUint(3, 64).storeUint(1000000, 32).endCell() }]));
await step('external increment', () => externalIncrement(0, 3));
await step('external replay (rejected)', () => externalIncrement(0, 3));
bc.now = NOW + 100;
await step('withdraw', () => walletSend(alice, [{ to: counter, value: toNano('0.05'), bounce: true,
    body: beginCell().storeUint(OP.withdraw, 32).storeUint(4, 64).storeCoins(toNano('0.1')).endCell() }]));
await step('transfer with comment', () => walletSend(alice, [{ to: bob.address, value: toNano('1'), bounce: true,
    body: beginCell().storeUint(0, 32).storeStringTail('hi').endCell() }]));
await step('transfer to nowhere (bounce)', () => walletSend(alice, [{ to: nowhere, value: toNano('0.2'), bounce: true }]));

async function get(name, address, method, args = []) {
  try {
    const r = await bc.runGetMethod(address, method, args);
    const { serializeTuple } = require('@ton/core');
    out.gets.push({ name, exitCode: r.exitCode, gasUsed: r.gasUsed.toString(),
                    stack: serializeTuple(r.stack).toBoc().toString('base64') });
  } catch (e) {
    out.gets.push({ name, error: String(e.message).split('\n')[0], exitCode: e.exitCode ?? null });
  }
}
await get('counter', counter, 'get_counter');
await get('owner', counter, 'get_owner');
await get('counter seqno', counter, 'get_seqno');
await get('counter id', counter, 'get_id');
await get('counter public key', counter, 'get_public_key');
await get('alice seqno', alice.address, 'seqno');
await get('alice public key', alice.address, 'get_public_key');
await get('alice plugins', alice.address, 'get_plugin_list');
await get('alice is plugin installed', alice.address, 'is_plugin_installed',
          [{ type: 'int', value: 0n }, { type: 'int', value: 123n }]);
await get('missing method', counter, 'no_such_method');

out.accounts = {};
for (const [n, a] of [['alice', alice.address], ['bob', bob.address], ['counter', counter], ['nowhere', nowhere]]) {
  const c = await bc.getContract(a);
  out.accounts[n] = { address: a.toRawString(), balance: c.balance.toString(), status: c.accountState?.type ?? 'nonexist',
                      lastLt: c.lastTransactionLt.toString() };
}
process.stdout.write(JSON.stringify(out) + '\n');
