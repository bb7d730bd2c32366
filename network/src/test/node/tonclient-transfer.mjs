// Test-only: @ton/ton's TonClient, unmodified, against cocoon's toncenter-compatible endpoint.
// Usage: node tonclient-transfer.mjs JSONRPC_URL API_KEY "24 WORDS" DESTINATION AMOUNT_TON
// Sends AMOUNT_TON from the wallet v5r1 of the mnemonic's key (deploying it), waits for the seqno to move,
// and prints one JSON object with what it read back.
import { TonClient, WalletContractV4, WalletContractV5R1, internal, Address, SendMode } from '@ton/ton';
import { mnemonicToPrivateKey } from '@ton/crypto';

const [endpoint, apiKey, words, destination, amount] = process.argv.slice(2);
const client = new TonClient({ endpoint, apiKey: apiKey || undefined });
const keys = await mnemonicToPrivateKey(words.split(' '));
const wallet = client.open(WalletContractV5R1.create({ workchain: 0, publicKey: keys.publicKey }));
const v4 = WalletContractV4.create({ workchain: 0, publicKey: keys.publicKey });
const to = Address.parse(destination);

const before = await wallet.getSeqno();
const mcBefore = (await client.getMasterchainInfo()).latestSeqno;
await wallet.sendTransfer({
  seqno: before,
  secretKey: keys.secretKey,
  sendMode: SendMode.PAY_GAS_SEPARATELY + SendMode.IGNORE_ERRORS,
  messages: [internal({ to, value: amount, bounce: false })],
});
let after = before;
for (let i = 0; i < 200 && after === before; i++) {
  await new Promise((r) => setTimeout(r, 100));
  after = await wallet.getSeqno();
}
const txs = await client.getTransactions(wallet.address, { limit: 5 });
const out = txs[0].outMessages.get(0);
console.log(JSON.stringify({
  v5r1: wallet.address.toRawString(),
  v4r2: v4.address.toRawString(),
  seqnoBefore: before,
  seqnoAfter: after,
  destinationBalance: (await client.getBalance(to)).toString(),
  walletState: (await client.getContractState(wallet.address)).state,
  transactions: txs.length,
  lastOutValue: out.info.value.coins.toString(),
  masterchainAdvanced: (await client.getMasterchainInfo()).latestSeqno > mcBefore,
}));
