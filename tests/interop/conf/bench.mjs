// Times conf 15's own `set` and `get` on a file, the way the Electron app
// calls them, and prints the medians as one JSON line.
//
//   node bench.mjs --file PATH [--key workspaces.ws-17.name] [--ops 300] [--style compact]
//
// The file is changed in place: give it a copy.
import path from 'node:path';
import process from 'node:process';
import fs from 'node:fs';
import Conf from 'conf';

function parseArguments(argv) {
	const options = {file: '', key: 'workspaces.ws-17.name', ops: '300', style: 'compact'};
	for (let i = 0; i < argv.length; i += 2) {
		const name = argv[i].replace(/^--/, '');
		if (!(name in options) || argv[i + 1] === undefined) {
			throw new Error(`unknown or incomplete option ${argv[i]}`);
		}

		options[name] = argv[i + 1];
	}

	if (!options.file) {
		throw new Error('--file is required');
	}

	return {...options, ops: Number.parseInt(options.ops, 10)};
}

function serializerFor(style) {
	if (style === 'compact') {
		return value => JSON.stringify(value);
	}

	return value => JSON.stringify(value, undefined, style === 'tab' ? '\t' : Number.parseInt(style, 10));
}

function median(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeMs(action) {
	const start = process.hrtime.bigint();
	action();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

const options = parseArguments(process.argv.slice(2));
const absolute = path.resolve(options.file);
const extension = path.extname(absolute);
const conf = new Conf({
	cwd: path.dirname(absolute),
	configName: path.basename(absolute, extension),
	fileExtension: extension.replace(/^\./, ''),
	serialize: serializerFor(options.style),
	clearInvalidConfig: false,
});

// A few untimed rounds so the JIT has seen both paths.
for (let i = 0; i < 5; i++) {
	conf.set(options.key, `warm-up ${i}`);
	conf.get(options.key);
}

const setTimes = [];
const getTimes = [];
let mismatches = 0;
for (let i = 0; i < options.ops; i++) {
	const value = `Project renamed ${i}`;
	setTimes.push(timeMs(() => conf.set(options.key, value)));
	let read;
	getTimes.push(timeMs(() => {
		read = conf.get(options.key);
	}));
	if (read !== value) {
		mismatches++;
	}
}

process.stdout.write(JSON.stringify({
	engine: 'conf 15.1.0',
	node: process.version,
	bytes: fs.statSync(absolute).size,
	ops: options.ops,
	setMedianMs: median(setTimes),
	getMedianMs: median(getTimes),
	mismatches,
}) + '\n');
