import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../build/precompress';
import viteConfig from '../../vite.config';

const SRC = join(__dirname, '..');

/** Files main.tsx pulls in with static imports: what the sign-in screen's entry script holds. */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // `import x from './y'` and `export ... from './y'`, not `import('./y')` (a lazy chunk)
    for (const match of code.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      const base = resolve(dirname(file), match[1]);
      const found = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((ext) => base + ext).find(existsSync);
      if (found && !found.endsWith('.css')) stack.push(found);
    }
  }
  return new Set([...seen].map((f) => f.slice(SRC.length + 1)));
}

describe('the first screen loads only what it shows', () => {
  it('keeps every screen but sign-in out of the entry script (they load on demand)', () => {
    const entry = staticClosure(join(SRC, 'main.tsx'));
    expect(entry).toContain('features/auth/SignInPage.tsx');
    const screens = [...entry].filter((f) => /(Page|Layout|Redirect)\.tsx$/.test(f));
    expect(screens.sort()).toEqual(['features/auth/SignInPage.tsx', 'ui/AuthLayout.tsx']);
  });

  it('the first screen takes only the Mantine styles it uses; lazy routes bring the rest', () => {
    const entry = [...staticClosure(join(SRC, 'main.tsx'))].map((f) => readFileSync(join(SRC, f), 'utf8')).join('\n');
    expect(entry).toContain("import './ui/firstScreenStyles'");
    expect(entry).not.toMatch(/@mantine\/core\/styles(\.layer)?\.css/);
    expect(readFileSync(join(SRC, 'ui/allStyles.ts'), 'utf8')).toContain("import '@mantine/core/styles.layer.css'");
    expect(readFileSync(join(SRC, 'router.tsx'), 'utf8')).toContain("import('./ui/allStyles')");
  });

  it('the build writes brotli and gzip copies of its text files', () => {
    const plugins = (viteConfig as { plugins?: unknown[] }).plugins ?? [];
    expect(plugins.flat().some((p) => (p as { name?: string } | null)?.name === 'relais-precompress')).toBe(true);
  });
});

describe('precompressDir', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .br and .gz next to each compressible file, and leaves fonts and tiny files alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-dist-'));
    const script = Buffer.from('export const greeting = "bonjour";\n'.repeat(200));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>x</title>${'<p>relais</p>'.repeat(100)}`);
    writeFileSync(join(dir, 'app.js'), script);
    writeFileSync(join(dir, 'font.woff2'), Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'tiny.css'), 'a{color:red}');
    const done = await precompressDir(dir);
    expect(done.map((d) => d.file.slice(dir.length + 1)).sort()).toEqual(['app.js', 'index.html']);
    expect(brotliDecompressSync(readFileSync(join(dir, 'app.js.br'))).equals(script)).toBe(true);
    expect(gunzipSync(readFileSync(join(dir, 'app.js.gz'))).equals(script)).toBe(true);
    expect(readFileSync(join(dir, 'app.js.br')).length).toBeLessThan(script.length / 10);
    for (const absent of ['font.woff2.br', 'font.woff2.gz', 'tiny.css.br', 'tiny.css.gz']) {
      expect(existsSync(join(dir, absent)), absent).toBe(false);
    }
  });
});
