// Extracts the official TON emulator from the pinned @ton/sandbox npm package for the JVM.
//
// Run by chain/pom.xml at generate-sources:
//   node extract-emulator.js <contracts/node_modules> <output resource folder> <output wasm file> [translation marker]
//
// Writes <output wasm file>: the WASM binary (dist/executor/emulator-emscripten.wasm.js is base64),
// which Chicory's build-time compiler then translates to JVM classes; and into
// <output resource folder>/io/cocoon4j/chain/emulator/:
//   emscripten.properties what the host glue needs from the matching JS glue
//                         (dist/executor/emulator-emscripten.js): the minified import and export
//                         names, and the addresses of the inline-JS snippets (EM_ASM) it calls
//   default-config.boc    the sandbox's default blockchain config (dist/config/defaultConfig.js)
//   slim-config.boc       the sandbox's slim config (dist/config/slimConfig.js)
//
// The JS glue is tied to one emscripten build, so the names are derived here, never copied by hand.
// Any shape this script does not recognise fails the build with a message saying what changed.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

function fail(message) {
  console.error(`extract-emulator: ${message}`);
  process.exit(1);
}

const [nodeModules, outRoot, wasmOut] = process.argv.slice(2);
if (!nodeModules || !outRoot || !wasmOut) {
  fail('usage: node extract-emulator.js <node_modules> <output resource folder> <output wasm file>');
}
const sandbox = path.join(nodeModules, '@ton', 'sandbox');
if (!fs.existsSync(path.join(sandbox, 'package.json'))) {
  fail(`${sandbox} is missing: run \`npm ci\` in the contracts module first (its build does that)`);
}
const sandboxVersion = JSON.parse(fs.readFileSync(path.join(sandbox, 'package.json'), 'utf8')).version;
const outDir = path.join(outRoot, 'io', 'cocoon4j', 'chain', 'emulator');
fs.mkdirSync(outDir, { recursive: true });

function requireModule(rel) {
  return require(path.resolve(sandbox, rel));
}

// 1. The WASM binary.
const wasm = Buffer.from(requireModule('dist/executor/emulator-emscripten.wasm.js').EmulatorEmscriptenWasm, 'base64');
if (wasm.subarray(0, 4).toString('hex') !== '0061736d') fail('emulator-emscripten.wasm.js does not decode to a WASM module');
// The build translates the WASM to JVM classes once and keeps them; a different WASM next to an
// existing translation would leave those classes stale, so refuse it.
const aotMarker = process.argv[5];
if (fs.existsSync(wasmOut) && !fs.readFileSync(wasmOut).equals(wasm) && aotMarker && fs.existsSync(aotMarker)) {
  fail(`the emulator WASM changed since it was translated to JVM classes (${aotMarker}): run \`./mvnw clean\``);
}
fs.mkdirSync(path.dirname(wasmOut), { recursive: true });
fs.writeFileSync(wasmOut, wasm);

// 2. The glue's names.
const glue = fs.readFileSync(path.join(sandbox, 'dist/executor/emulator-emscripten.js'), 'utf8');
const props = new Map();
props.set('sandbox.version', sandboxVersion);
props.set('wasm.sha256', crypto.createHash('sha256').update(wasm).digest('hex'));

// wasmImports={u:___cxa_begin_catch,...}: minified import name -> the glue's function name.
const importsMatch = /wasmImports\s*=\s*\{([^}]*)\}/.exec(glue);
if (!importsMatch) fail('no `wasmImports={...}` object in emulator-emscripten.js');
for (const entry of importsMatch[1].split(',')) {
  const m = /^\s*([A-Za-z0-9_$]+)\s*:\s*([A-Za-z0-9_$]+)\s*$/.exec(entry);
  if (!m) fail(`unexpected wasmImports entry \`${entry}\``);
  props.set(`import.${m[2]}`, m[1]);
}
// getWasmImports(){... return {a:wasmImports}}: the import module name.
const moduleMatch = /getWasmImports\(\)\{var imports=\{([A-Za-z0-9_$]+):wasmImports\}/.exec(glue);
if (!moduleMatch) fail('cannot find the import module name in getWasmImports()');
props.set('import.module', moduleMatch[1]);

// Module["_create_emulator"]=wasmExports["Fa"] and _setThrew=wasmExports["Pa"]: exports by role.
for (const m of glue.matchAll(/Module\["(_[A-Za-z0-9_]+)"\]\s*=\s*wasmExports\["([A-Za-z0-9_$]+)"\]/g)) {
  props.set(`export.${m[1]}`, m[2]);
}
for (const m of glue.matchAll(/(?:^|[;,{=\s])([A-Za-z_$][A-Za-z0-9_$]*)\s*=\s*wasmExports\["([A-Za-z0-9_$]+)"\]/g)) {
  if (!props.has(`export.${m[1]}`)) props.set(`export.${m[1]}`, m[2]);
}
// initRuntime(){...wasmExports["Ea"]();...}: the constructors to run once after instantiation.
const ctorMatch = /function initRuntime\(\)\{[^}]*?wasmExports\["([A-Za-z0-9_$]+)"\]\(\)/.exec(glue);
if (!ctorMatch) fail('cannot find the constructor export called by initRuntime()');
props.set('export.__wasm_call_ctors', ctorMatch[1]);

// ASM_CONSTS={1842500:()=>Module.getRandomValue(),1842536:()=>{...init...},1843258:$0=>{throw UTF8ToString($0)}}
const asmStart = glue.indexOf('ASM_CONSTS={');
if (asmStart < 0) fail('no ASM_CONSTS in emulator-emscripten.js');
const asmText = glue.slice(asmStart, glue.indexOf('};var ', asmStart));
const addresses = [...asmText.matchAll(/[{,](\d+):/g)].map((m) => Number(m[1]));
for (let i = 0; i < addresses.length; i++) {
  const from = asmText.indexOf(`${addresses[i]}:`);
  const to = i + 1 < addresses.length ? asmText.indexOf(`,${addresses[i + 1]}:`) : asmText.length;
  const body = asmText.slice(from, to);
  let role;
  if (/^\d+:\(\)=>Module\.getRandomValue\(\)$/.test(body)) role = 'random_value';
  else if (/Module\.getRandomValue===undefined/.test(body)) role = 'random_init';
  else if (/^\d+:\$0=>\{throw UTF8ToString\(\$0\)\}$/.test(body)) role = 'throw_string';
  else fail(`unknown EM_ASM snippet \`${body.slice(0, 120)}\``);
  props.set(`asm.${addresses[i]}`, role);
}

const required = ['export._create_emulator', 'export._destroy_emulator', 'export._emulate_with_emulator',
  'export._run_get_method', 'export._version', 'export._malloc', 'export._free', 'export._setThrew',
  'export.__emscripten_tempret_set', 'export.__emscripten_stack_restore', 'export.__emscripten_stack_alloc', 'export._emscripten_stack_get_current',
  'export.___cxa_can_catch', 'export.___cxa_get_exception_ptr', 'export.___cxa_increment_exception_refcount',
  'export.___cxa_decrement_exception_refcount', 'export.wasmMemory', 'export.wasmTable'];
for (const key of required) if (!props.has(key)) fail(`the glue no longer defines ${key}`);

const lines = ['# Derived from @ton/sandbox ' + sandboxVersion + ' by chain/src/build/extract-emulator.js; do not edit.'];
for (const [k, v] of [...props.entries()].sort()) lines.push(`${k}=${v}`);
fs.writeFileSync(path.join(outDir, 'emscripten.properties'), lines.join('\n') + '\n');

// 3. Blockchain configs (base64 BoCs in JS modules).
function writeConfig(rel, name, file) {
  const value = requireModule(rel)[name];
  if (typeof value !== 'string') fail(`${rel} no longer exports ${name}`);
  fs.writeFileSync(path.join(outDir, file), Buffer.from(value, 'base64'));
}
writeConfig('dist/config/defaultConfig.js', 'defaultConfig', 'default-config.boc');
writeConfig('dist/config/slimConfig.js', 'slimConfig', 'slim-config.boc');

console.error(`extract-emulator: @ton/sandbox ${sandboxVersion}, ${wasm.length} bytes of WASM -> ${outDir}`);
