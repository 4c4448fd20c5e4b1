import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const FRONTEND = join(__dirname, '../..');
const check = (...args: string[]) =>
  spawnSync(process.execPath, [join(FRONTEND, 'scripts/check-client.mjs'), ...args], { cwd: FRONTEND, encoding: 'utf8' });

describe('the generated client (src/client/)', () => {
  let copy = '';
  afterEach(() => copy && rmSync(copy, { recursive: true, force: true }));

  it('is what `make client` generates from services/gateway/openapi.json', () => {
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a hand edit or a contract change makes the check fail, naming the file', () => {
    copy = mkdtempSync(join(tmpdir(), 'relais-client-copy-'));
    cpSync(join(FRONTEND, 'src/client'), copy, { recursive: true });
    const types = join(copy, 'types.gen.ts');
    writeFileSync(types, readFileSync(types, 'utf8').replace('export type AmbassadorsMe = {', 'export type AmbassadorsMe = {\n    themes?: unknown;'));
    const run = check('--against', copy);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('types.gen.ts');
    expect(run.stderr).toContain('make client');
  });

  it('the hand-written types are gone: the SPA imports the API shapes from the generated client', () => {
    const model = readFileSync(join(FRONTEND, 'src/api/model.ts'), 'utf8');
    expect(model).toContain("from '../client'");
    expect(model).not.toMatch(/^export (interface|type \w+ = \{)/m);
  });
});
