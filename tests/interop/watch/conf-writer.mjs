// The Electron app's side of the watch tests: the real conf engine writing
// tad-config.json, driven one JSON line at a time.
//
//   node conf-writer.mjs --file PATH [--style compact|tab|N] [--watch]
//
// Requests on stdin, one answer line each (written at once):
//   {"op":"set","key":K,"value":V}      {"op":"delete","key":K}
//   {"op":"set-multiple","value":{...}} {"op":"get-all"}   {"op":"clear"}
//   {"op":"burst","prefix":P,"count":N,"pauseMin":a,"pauseMax":b,"valuePrefix":S}
//       sets P<i> = S<i> for i in 0..N-1 with a random pause of a..b ms
//       between sets, then answers with how long it took
// Answers: {"ok":true,"value":...,"doneUs":T} where T is the wall clock in
// microseconds right after the call returned (conf's rename is done by then).
// With --watch, conf also watches the file itself and every onDidAnyChange
// is printed as {"event":"change","seq":S,"atUs":T} (S: the store's
// bench.seq), so its latency can be compared with ours.
import path from 'node:path';
import readline from 'node:readline';
import Conf from 'conf';

function wallClockUs() {
	return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

function parseArguments(argv) {
	const options = {file: '', style: 'compact', watch: false};
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i].replace(/^--/, '');
		if (name === 'watch') {
			options.watch = true;
		} else if (name in options && argv[i + 1] !== undefined) {
			options[name] = argv[++i];
		} else {
			throw new Error(`unknown or incomplete option ${argv[i]}`);
		}
	}

	if (!options.file) {
		throw new Error('--file is required');
	}

	return options;
}

function serializerFor(style) {
	if (style === 'compact') {
		return value => JSON.stringify(value);
	}

	if (style === 'tab') {
		return value => JSON.stringify(value, undefined, '\t');
	}

	const spaces = Number.parseInt(style, 10);
	return value => JSON.stringify(value, undefined, spaces);
}

function sleepMs(ms) {
	// Synchronous on purpose: conf's set is synchronous, so is the Electron main process.
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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
	watch: options.watch,
});

function send(object) {
	process.stdout.write(JSON.stringify(object) + '\n');
}

if (options.watch) {
	conf.onDidAnyChange(() => {
		const atUs = wallClockUs();
		let seq = null;
		try {
			seq = conf.get('bench.seq') ?? null;
		} catch {}

		send({event: 'change', seq, atUs});
	});
}

function run(request) {
	switch (request.op) {
		case 'set': {
			conf.set(request.key, request.value);
			return null;
		}

		case 'delete': {
			conf.delete(request.key);
			return null;
		}

		case 'set-multiple': {
			conf.set(request.value);
			return null;
		}

		case 'clear': {
			conf.clear();
			return null;
		}

		case 'get-all': {
			return {...conf.store};
		}

		case 'burst': {
			const started = performance.now();
			const {prefix, count, pauseMin, pauseMax} = request;
			const valuePrefix = request.valuePrefix ?? 'v';
			for (let i = 0; i < count; i++) {
				conf.set(`${prefix}${i}`, `${valuePrefix}${i}`);
				if (i + 1 < count) {
					sleepMs(pauseMin + (Math.random() * (pauseMax - pauseMin)));
				}
			}

			return {ms: performance.now() - started};
		}

		default: {
			throw new Error(`unknown op ${request.op}`);
		}
	}
}

const lines = readline.createInterface({input: process.stdin});
lines.on('line', line => {
	if (line.trim() === '') {
		return;
	}

	try {
		const value = run(JSON.parse(line));
		send({ok: true, value, doneUs: wallClockUs()});
	} catch (error) {
		send({ok: false, error: String(error?.message ?? error), doneUs: wallClockUs()});
	}
});
lines.on('close', () => {
	conf._closeWatcher?.();
	process.exit(0);
});
