// Runs emulator calls through @ton/sandbox's own Executor under Node: the reference the JVM
// emulator (io.cocoon4j.chain.emulator.TvmEmulator) must match byte for byte.
//
//   node sandbox-reference.js <node_modules>   < request.json   > response.json
//
// request:  {"config": base64 BoC, "steps": [step...]}
//   {"kind":"tx",  "shardAccount", "message", "utime", "lt", "randSeed" (hex), "ignoreChksig", "debug"}
//   {"kind":"get", "code", "data", "address", "balance", "methodId", "unixTime", "randSeed", "gasLimit",
//                  "stack", "config" (optional, else the request's)}
// response: {"results": [result...]} with the Executor's fields, in step order:
//   tx:  {"success":true, "transaction", "shardAccount", "vmLog", "actions"} or
//        {"success":false, "error", "vmExitCode", "vmLog"}
//   get: the Executor's output object (success, stack, gas_used, vm_exit_code, vm_log, missing_library)
'use strict';
const path = require('path');

async function main() {
  const nodeModules = process.argv[2];
  if (!nodeModules) throw new Error('usage: node sandbox-reference.js <node_modules>');
  const load = (name) => require(path.resolve(nodeModules, name));
  const { Executor } = load('@ton/sandbox/dist/executor/Executor');
  const { Cell, Address, parseTuple } = load('@ton/core');

  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const executor = await Executor.create();
  const results = [];
  for (const step of request.steps) {
    if (step.kind === 'tx') {
      const { result } = await executor.runTransaction({
        config: request.config,
        libs: null,
        verbosity: 'short',
        shardAccount: step.shardAccount,
        message: Cell.fromBase64(step.message),
        now: step.utime,
        lt: BigInt(step.lt),
        randomSeed: Buffer.from(step.randSeed, 'hex'),
        ignoreChksig: step.ignoreChksig,
        debugEnabled: step.debug,
      });
      results.push(result.success
        ? { success: true, transaction: result.transaction, shardAccount: result.shardAccount,
            vmLog: result.vmLog, actions: result.actions }
        : { success: false, error: result.error, vmExitCode: result.vmResults?.vmExitCode ?? null,
            vmLog: result.vmResults?.vmLog ?? '' });
    } else if (step.kind === 'get') {
      const { output } = await executor.runGetMethod({
        code: Cell.fromBase64(step.code),
        data: Cell.fromBase64(step.data),
        methodId: step.methodId,
        stack: parseTuple(Cell.fromBase64(step.stack)),
        config: step.config ?? request.config,
        verbosity: 'short',
        address: Address.parse(step.address),
        unixTime: step.unixTime,
        balance: BigInt(step.balance),
        randomSeed: Buffer.from(step.randSeed, 'hex'),
        gasLimit: BigInt(step.gasLimit),
        debugEnabled: false,
      });
      results.push(output);
    } else {
      throw new Error(`unknown step kind ${step.kind}`);
    }
  }
  process.stdout.write(JSON.stringify({ results }));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
