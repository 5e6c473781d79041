// Times Ajv (as electron-store configures it) on the same data as the C++
// benchmark: the whole document, and the document after a one-key change.
//
//   node ajv-bench.mjs SCHEMA.json DOCUMENT.json ROUNDS
//
// Prints one JSON line: {wholeMs, singleKeyMs} (medians).
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import fs from 'node:fs';

const [schemaFile, docFile, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText ?? 50);
const map = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, useDefaults: true });
ajvFormatsModule.default(ajv);
const validate = ajv.compile({ type: 'object', properties: map });
const doc = JSON.parse(fs.readFileSync(docFile, 'utf8'));

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
function time(fn) {
    const samples = [];
    for (let i = 0; i < rounds; i++) {
        const start = process.hrtime.bigint();
        fn(i);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(samples);
}
// Warm up the JIT first, as a long-running app would be.
for (let i = 0; i < 20; i++) validate(doc);
const wholeMs = time(() => validate(doc));
// electron-store validates the whole store on every set: that is Ajv's cost
// for a one-key change.
const singleKeyMs = time((i) => {
    doc.settings.fontSize = 8 + (i % 16);
    validate(doc);
});
process.stdout.write(JSON.stringify({ wholeMs, singleKeyMs, valid: validate(doc) }) + '\n');
