// Fails when src/client/ is not what `make client` generates from services/gateway/openapi.json now.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const FRONTEND = new URL('..', import.meta.url).pathname;
// `--against <dir>` compares another folder (the test uses it to prove staleness is caught)
const against = process.argv.indexOf('--against');
const COMMITTED = against > 0 ? process.argv[against + 1] : join(FRONTEND, 'src/client');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Relative paths that differ between the two folders (missing on either side, or other bytes). */
export function staleFiles(fresh, committed = COMMITTED) {
  const a = new Map(files(fresh).map((f) => [relative(fresh, f), readFileSync(f, 'utf8')]));
  const b = new Map(files(committed).map((f) => [relative(committed, f), readFileSync(f, 'utf8')]));
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

export function generate(out) {
  const bin = join(FRONTEND, 'node_modules/@hey-api/openapi-ts/bin/run.js');
  const run = spawnSync(process.execPath, [bin], {
    cwd: FRONTEND,
    env: { ...process.env, RELAIS_CLIENT_OUT: out },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`openapi-ts failed: ${run.stderr || run.stdout}`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const out = mkdtempSync(join(tmpdir(), 'relais-client-'));
  try {
    generate(out);
    const stale = staleFiles(out);
    if (stale.length) {
      console.error(`src/client/ is stale (${stale.join(', ')}): run \`make client\` and commit it.`);
      process.exit(1);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
