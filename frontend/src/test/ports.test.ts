import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..');
// built from pieces: Vitest reads that docblock tag wherever it appears, this file included
const TAG = ['@vitest', 'environment', 'options'].join('-');
const ORIGIN = new RegExp(`${TAG} \\{"url": "http://127\\.0\\.0\\.1:(\\d+)/`);

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the origins of the test files', () => {
  it('are one port per file, below the ephemeral range, so parallel files and other processes never collide', () => {
    const ports = testFiles(SRC).flatMap((file) => {
      const match = ORIGIN.exec(readFileSync(file, 'utf8'));
      return match ? [{ file, port: Number(match[1]) }] : [];
    });
    expect(ports.length).toBeGreaterThan(5);
    const seen = new Map<number, string>();
    for (const { file, port } of ports) {
      expect(seen.get(port), `${file} reuses port ${port}`).toBeUndefined();
      seen.set(port, file);
      expect(port, `${file}: ${port} is in the ephemeral range 32768–60999`).toBeLessThan(32768);
      expect(port).toBeGreaterThan(1024);
    }
  });
});
