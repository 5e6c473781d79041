// Runs the real conf engine on one file and applies JSON-lines requests from
// stdin, so tests can hold its output next to tad-settings-cli's byte for byte.
//
//   node driver.mjs --engine conf15|conf10 --style compact|tab|<N> --file PATH [--schema MAP.json]
//
// With --schema, conf gets that electron-store property map as `schema`, as
// the Electron app configures it.
//
// Requests, one per line (same shape as `tad-settings-cli batch`):
//   {"op":"set","key":K,"value":V}   {"op":"delete","key":K}
//   {"op":"get","key":K}             {"op":"has","key":K}
//   {"op":"get-all"}  {"op":"clear"}  {"op":"set-multiple","value":{...}}
//   {"op":"reset","key":K}
//   {"op":"compare-store","value":V} deep-equality of conf.store with V
// Each gets one line back, written at once:
//   {"ok":true,"value":...}  (get: "found":false when conf returns undefined)
//   {"ok":false,"error":"..."}  (whatever conf threw)
// The store is opened once, as the Electron app does; conf itself re-reads the
// file on every call. A store that cannot be opened is reported on the first
// line as {"ok":false,"open":true,"error":...} and every request then fails.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import {isDeepStrictEqual} from 'node:util';

const require = createRequire(import.meta.url);

function parseArguments(argv) {
	const options = {engine: 'conf15', style: 'compact', file: '', schema: ''};
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

	return options;
}

// The serializer the Electron app would have configured for a file of this style.
function serializerFor(style) {
	if (style === 'compact') {
		return value => JSON.stringify(value);
	}

	if (style === 'tab') {
		return value => JSON.stringify(value, undefined, '\t');
	}

	const spaces = Number.parseInt(style, 10);
	if (!Number.isInteger(spaces) || spaces < 1 || spaces > 10) {
		throw new Error(`--style must be compact, tab or 1..10, not ${style}`);
	}

	return value => JSON.stringify(value, undefined, spaces);
}

async function loadEngine(engine) {
	if (engine === 'conf15') {
		return (await import('conf')).default;
	}

	if (engine === 'conf10') {
		// CommonJS; its default export sits on `.default`.
		const module = require('conf10');
		return module.default ?? module;
	}

	throw new Error(`--engine must be conf15 or conf10, not ${engine}`);
}

// cwd + configName + fileExtension spell out exactly the given path, so conf
// never looks at a project name or at the real home configuration.
function confOptions(file, style, schemaFile) {
	const absolute = path.resolve(file);
	const extension = path.extname(absolute);
	const schema = schemaFile ? {schema: JSON.parse(fs.readFileSync(schemaFile, 'utf8'))} : {};
	return {
		...schema,
		cwd: path.dirname(absolute),
		configName: path.basename(absolute, extension),
		fileExtension: extension.replace(/^\./, ''),
		serialize: serializerFor(style),
		clearInvalidConfig: false,
		watch: false,
	};
}

function run(conf, request) {
	switch (request.op) {
		case 'set': {
			conf.set(request.key, request.value);
			return {ok: true, value: null};
		}

		case 'delete': {
			conf.delete(request.key);
			return {ok: true, value: null};
		}

		case 'get': {
			const value = conf.get(request.key);
			return value === undefined ? {ok: true, found: false} : {ok: true, found: true, value};
		}

		case 'has': {
			return {ok: true, value: conf.has(request.key)};
		}

		case 'get-all': {
			return {ok: true, value: conf.store};
		}

		case 'reset': {
			conf.reset(request.key);
			return {ok: true, value: null};
		}

		case 'clear': {
			conf.clear();
			return {ok: true, value: null};
		}

		case 'set-multiple': {
			conf.set(request.value);
			return {ok: true, value: null};
		}

		case 'compare-store': {
			// Conf's store has a null prototype at the top; JSON.parse's does not.
			const store = {...conf.store};
			return {
				ok: true,
				value: {
					deepEqual: isDeepStrictEqual(store, request.value),
					sameText: JSON.stringify(store) === JSON.stringify(request.value),
				},
			};
		}

		default: {
			throw new Error(`unknown op ${request.op}`);
		}
	}
}

function reply(object) {
	process.stdout.write(JSON.stringify(object) + '\n');
}

async function main() {
	const options = parseArguments(process.argv.slice(2));
	const Conf = await loadEngine(options.engine);
	let conf;
	let openError;
	try {
		conf = new Conf(confOptions(options.file, options.style, options.schema));
	} catch (error) {
		openError = error;
		reply({ok: false, open: true, error: String(error?.message ?? error)});
	}

	const lines = readline.createInterface({input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY});
	for await (const line of lines) {
		if (line.trim() === '') {
			continue;
		}

		let response;
		try {
			if (openError) {
				throw openError;
			}

			response = run(conf, JSON.parse(line));
		} catch (error) {
			response = {ok: false, error: String(error?.message ?? error)};
		}

		reply(response);
	}
}

await main();
