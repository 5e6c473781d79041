// conf 15 on one file, configured as the Electron app's electron-store
// configures it (the schema's property map, JSON.stringify with tabs), for
// bench_product.
//
//   node conf-product.mjs --modules DIR --file PATH --schema MAP.json --key K --mode set --sets 40
//     toggles the boolean at K that many times; prints {"medianMs":...}
//   node conf-product.mjs --modules DIR --file PATH --schema MAP.json --key K --mode get
//     one get, as a one-shot program would; prints the value
//
// DIR is the node_modules folder holding conf (tests/interop/node_modules).
// The file is changed in place: give it a copy.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

function parseArguments(argv) {
	const options = {modules: '', file: '', schema: '', key: '', mode: 'set', sets: '40'};
	for (let i = 0; i < argv.length; i += 2) {
		const name = argv[i].replace(/^--/, '');
		if (!(name in options) || argv[i + 1] === undefined) {
			throw new Error(`unknown or incomplete option ${argv[i]}`);
		}

		options[name] = argv[i + 1];
	}

	for (const required of ['modules', 'file', 'key']) {
		if (!options[required]) {
			throw new Error(`--${required} is required`);
		}
	}

	return {...options, sets: Number.parseInt(options.sets, 10)};
}

function median(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const options = parseArguments(process.argv.slice(2));
const {default: Conf} = await import(pathToFileURL(path.join(options.modules, 'conf/dist/source/index.js')).href);
const absolute = path.resolve(options.file);
const extension = path.extname(absolute);
const conf = new Conf({
	...(options.schema ? {schema: JSON.parse(fs.readFileSync(options.schema, 'utf8'))} : {}),
	cwd: path.dirname(absolute),
	configName: path.basename(absolute, extension),
	fileExtension: extension.replace(/^\./, ''),
	clearInvalidConfig: false,
	watch: false,
});

if (options.mode === 'get') {
	process.stdout.write(JSON.stringify(conf.get(options.key)) + '\n');
} else {
	let value = Boolean(conf.get(options.key));
	const times = [];
	for (let i = 0; i < options.sets; i++) {
		value = !value;
		const start = process.hrtime.bigint();
		conf.set(options.key, value);
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}

	process.stdout.write(JSON.stringify({medianMs: median(times), bytes: fs.statSync(absolute).size}) + '\n');
}
