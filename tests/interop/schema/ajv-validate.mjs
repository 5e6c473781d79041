// Validates documents the way electron-store 11 (conf 15) does: Ajv 2020
// with allErrors and useDefaults, plus ajv-formats in its default ("full")
// mode, against {type: 'object', properties: <schema map>}.
//
//   node ajv-validate.mjs SCHEMA.json CORPUS.jsonl > RESULTS.jsonl
//
// One line out per document: {valid, errors: [{instancePath, keyword,
// message}], filled: <the document after useDefaults>}.
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import fs from 'node:fs';

const [schemaFile, corpusFile] = process.argv.slice(2);
const map = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, useDefaults: true });
ajvFormatsModule.default(ajv);
const validate = ajv.compile({ type: 'object', properties: map });

const out = [];
for (const line of fs.readFileSync(corpusFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line);
    const valid = validate(doc);
    const errors = (validate.errors ?? []).map(({ instancePath, keyword, message }) => ({ instancePath, keyword, message }));
    out.push(JSON.stringify({ valid, errors, filled: doc }));
}
process.stdout.write(out.join('\n') + '\n');
