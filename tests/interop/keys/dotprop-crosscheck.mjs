// Random (document, key, operation, value) cases run through the real
// dot-prop 10 (conf 15) and dot-prop 6 (conf 10), one JSON line per case, for
// tst_keys_crosscheck to compare with tad::KeyPath.
//
//   node dotprop-crosscheck.mjs --seed 1234 --count 4000
//
// Each operation runs as conf runs it: on a prototype-less copy of the parsed
// document, and the document is what JSON.stringify writes afterwards.
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import * as dotProp10 from 'dot-prop';

const require = createRequire(import.meta.url);
// conf 10 loads its own nested copy (6.0.1); dot-prop6 is 6.0.0. They differ
// only in get's default value, which conf passes and these cases do not.
const dotProp6 = require(fileURLToPath(new URL('../node_modules/conf10/node_modules/dot-prop/index.js', import.meta.url)));
const dotProp600 = require('dot-prop6');

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	return at === -1 ? fallback : Number(args[at + 1]);
};
const seed = option('seed', 1) >>> 0;
const count = option('count', 4000);

// mulberry32: small, fast, the same on every machine.
let state = seed;
const random = () => {
	state = (state + 0x6D2B79F5) >>> 0;
	let t = state;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = list => list[Math.floor(random() * list.length)];
const chance = p => random() < p;

const docKeys = ['a', 'b', 'c', 'list', 'x', '0', '1', '2', '10', '01', 'name', 'length', 'caller', 'é', 'a.b', '', 'toString'];
const plainSegments = ['a', 'b', 'c', 'list', 'x', '0', '1', '2', '3', '10', '01', '-1', '1.5', '', 'a.b', 'x[0]', 'back\\slash', 'end\\', 'é', '[', ']', '[]', '4294967295', 'name', 'length', 'caller'];
// Names a nested object, an array or a method inherits: a value found there is a function.
const methodSegments = ['toString', 'hasOwnProperty', 'valueOf', 'push', 'map', 'call', 'apply', 'bind', 'arguments'];
const refusedSegments = ['__proto__', 'prototype', 'constructor'];
const rawAlphabet = ['a', 'b', '.', '.', '[', ']', '\\', '0', '1', ' '];
const strings = ['', 'x', 'héllo', '3', ' 2 ', '0x2', 'a.b', 'true'];
const specialValues = [2, 0, 3, '3', '0x1', '', [], [1], ['2'], [null], [1, 2], {}, true, false, null, -1, 1.5, ' 2 ', 'abc', 4294967296];

function randomScalar() {
	switch (Math.floor(random() * 5)) {
		case 0: return null;
		case 1: return chance(0.5);
		case 2: return pick([0, 1, 2, 7, -3, 1.5, 0.1, 1e21, 123456789]);
		default: return pick(strings);
	}
}

function randomValue(depth) {
	const roll = random();
	if (depth <= 0 || roll < 0.4) {
		return randomScalar();
	}

	if (roll < 0.7) {
		return Array.from({length: Math.floor(random() * 4)}, () => randomValue(depth - 1));
	}

	const object = {};
	for (let i = Math.floor(random() * 4); i > 0; i--) {
		object[pick(docKeys)] = randomValue(depth - 1);
	}

	return object;
}

function randomDocument() {
	const document = {};
	for (let i = 1 + Math.floor(random() * 4); i > 0; i--) {
		document[pick(docKeys)] = randomValue(3);
	}

	return document;
}

// Writes segments the dot-prop 10 way, sometimes with [n] for an index.
function encode(segments) {
	let text = '';
	for (const [index, segment] of segments.entries()) {
		if (/^\d+$/.test(segment) && chance(0.3)) {
			text += `[${segment}]`;
			continue;
		}

		if (index > 0) {
			text += '.';
		}

		text += chance(0.9) ? segment.replaceAll(/[\\.[]/g, String.raw`\$&`) : segment;
	}

	return text;
}

function randomKey(op) {
	if (chance(0.07)) {
		return Array.from({length: Math.floor(random() * 9)}, () => pick(rawAlphabet)).join('');
	}

	const segments = [];
	for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
		const roll = random();
		const segment = roll < 0.03 ? pick(refusedSegments) : roll < 0.15 ? pick(methodSegments) : pick(plainSegments);
		segments.push(segment);
		// Reading on through a function (toString.name) is outside the model:
		// no JSON file holds a function.
		if ((op === 'get' || op === 'has') && methodSegments.includes(segment)) {
			break;
		}
	}

	return encode(segments);
}

// What a set or delete may leave on the shared built-in methods is undone
// after each case, so that cases do not depend on each other.
const builtinMethods = new Set();
for (const prototype of [Object.prototype, Array.prototype, Function.prototype]) {
	for (const name of Object.getOwnPropertyNames(prototype)) {
		const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
		if (typeof descriptor.value === 'function' && name !== 'constructor') {
			builtinMethods.add(descriptor.value);
		}
	}
}

const pristine = new Map([...builtinMethods].map(method => [method, Object.getOwnPropertyDescriptors(method)]));
function restoreBuiltins() {
	for (const [method, descriptors] of pristine) {
		for (const name of Object.getOwnPropertyNames(method)) {
			if (!(name in descriptors)) {
				delete method[name];
			}
		}

		for (const [name, descriptor] of Object.entries(descriptors)) {
			if (!Object.hasOwn(method, name)) {
				Object.defineProperty(method, name, descriptor);
			}
		}
	}
}

const api = {
	10: {get: dotProp10.getProperty, has: dotProp10.hasProperty, set: dotProp10.setProperty, delete: dotProp10.deleteProperty},
	6: {get: dotProp6.get, has: dotProp6.has, set: dotProp6.set, delete: dotProp6.delete},
	600: {get: dotProp600.get, has: dotProp600.has, set: dotProp600.set, delete: dotProp600.delete},
};

function run(dialect, documentText, op, key, valueText) {
	const store = Object.assign(Object.create(null), JSON.parse(documentText));
	const functions = api[dialect];
	try {
		switch (op) {
			case 'get': {
				return {ok: true, result: JSON.stringify(functions.get(store, key)) ?? null};
			}

			case 'has': {
				return {ok: true, result: functions.has(store, key)};
			}

			case 'set': {
				functions.set(store, key, JSON.parse(valueText));
				return {ok: true, doc: JSON.stringify(store)};
			}

			default: {
				const deleted = functions.delete(store, key);
				return {ok: true, result: deleted === true, doc: JSON.stringify(store)};
			}
		}
	} catch (error) {
		return {ok: false, error: `${error.name}: ${error.message}`};
	} finally {
		restoreBuiltins();
	}
}

const lines = [];
for (let index = 0; index < count; index++) {
	const op = pick(['get', 'has', 'set', 'set', 'delete']);
	const doc = JSON.stringify(randomDocument());
	const key = randomKey(op);
	const value = op === 'set' ? JSON.stringify(chance(0.3) ? pick(specialValues) : randomValue(2)) : null;
	const dp10 = run(10, doc, op, key, value);
	const dp6 = run(6, doc, op, key, value);
	const dp600 = run(600, doc, op, key, value);
	if (JSON.stringify(dp6) !== JSON.stringify(dp600)) {
		throw new Error(`dot-prop 6.0.0 and 6.0.1 disagree on case ${index}`);
	}

	lines.push(JSON.stringify({index, op, doc, key, value, dp10, dp6}));
}

process.stdout.write(lines.join('\n') + '\n');
