// Prints the constructor tags that @ton-community/tlb-codegen computes for a TL-B file,
// one JSON object per line: {"type", "constructor", "bits", "tag"}.
// Usage: node tlb-codegen-tags.js NODE_MODULES_DIR SCHEMA.tlb
// Run by TlbCodegenComparisonTest to compare its implicit tags with ours.
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, schemaFile] = process.argv.slice(2);
const { ast } = require(path.join(modules, '@ton-community/tlb-parser'));
const { getTLBCodeByAST } = require(path.join(modules, '@ton-community/tlb-codegen'));

const input = fs.readFileSync(schemaFile, 'utf-8');
const code = getTLBCodeByAST(ast(input), input);
for (const [typeName, type] of code.types) {
  for (const c of type.constructors) {
    console.log(JSON.stringify({ type: typeName, constructor: c.name, bits: c.tag.bitLen, tag: c.tag.binary }));
  }
}
