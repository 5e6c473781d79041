// Backups the way the Electron app's BackupManager (the seed) makes and
// lists them, to check that TAD Settings and the app read each other's.
//
//   node seed-backups.mjs create <store-file> <reason>   -> prints the backup's path
//   node seed-backups.mjs list <store-file>              -> prints a JSON array, newest first
//
// Naming: backup-<ISO time with ':' and '.' as '-'>-<8 hex of SHA-256>.json,
// metadata beside it in <name>.meta.json: originalFile, backupTime, reason,
// hash, size, written with two-space indentation.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function create(storeFile, reason) {
  const folder = path.join(path.dirname(storeFile), 'backups');
  await fs.mkdir(folder, { recursive: true });
  const content = await fs.readFile(storeFile);
  const hash = sha256(content);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = `backup-${stamp}-${hash.substring(0, 8)}.json`;
  const target = path.join(folder, name);
  await fs.copyFile(storeFile, target);
  const metadata = {
    originalFile: path.basename(storeFile),
    backupTime: new Date().toISOString(),
    reason,
    hash,
    size: (await fs.stat(storeFile)).size,
  };
  await fs.writeFile(`${target}.meta.json`, JSON.stringify(metadata, null, 2));
  return target;
}

async function list(storeFile) {
  const folder = path.join(path.dirname(storeFile), 'backups');
  const names = await fs.readdir(folder);
  const out = [];
  for (const file of names) {
    // The app's own filter also lets the .meta.json files through; they are
    // not backups, so this listing leaves them out.
    if (!file.startsWith('backup-') || !file.endsWith('.json') || file.endsWith('.meta.json')) continue;
    let metadata = null;
    try {
      metadata = JSON.parse(await fs.readFile(path.join(folder, `${file}.meta.json`), 'utf8'));
    } catch {
      metadata = null;
    }
    const content = await fs.readFile(path.join(folder, file));
    let parses = true;
    try {
      JSON.parse(content.toString('utf8'));
    } catch {
      parses = false;
    }
    out.push({ file, metadata, actualHash: sha256(content), actualSize: content.length, parses });
  }
  out.sort((a, b) => {
    const ta = a.metadata?.backupTime || '1970-01-01T00:00:00.000Z';
    const tb = b.metadata?.backupTime || '1970-01-01T00:00:00.000Z';
    return new Date(tb) - new Date(ta);
  });
  return out;
}

const [command, storeFile, reason] = process.argv.slice(2);
if (command === 'create') {
  console.log(await create(storeFile, reason ?? 'manual'));
} else if (command === 'list') {
  console.log(JSON.stringify(await list(storeFile)));
} else {
  console.error('usage: seed-backups.mjs create|list <store-file> [reason]');
  process.exit(1);
}
