import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FRONTEND = join(__dirname, '../..');

/** Lints `code` as if it were a screen of the SPA, with the project's own eslint.config.js. */
async function ruleIds(code: string, file = 'src/features/example/Example.tsx'): Promise<string[]> {
  const eslint = new ESLint({ cwd: FRONTEND });
  const [result] = await eslint.lintText(code, { filePath: join(FRONTEND, file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('npm run lint (ESLint)', () => {
  it('refuses a hook called conditionally and an image without alternative text', async () => {
    const ids = await ruleIds(`
      import { useState } from 'react';
      export function Example({ on }: { on: boolean }) {
        if (on) useState(0);
        return <img src="x.png" />;
      }
    `);
    expect(ids).toContain('react-hooks/rules-of-hooks');
    expect(ids).toContain('jsx-a11y/alt-text');
  });

  it('refuses TypeScript escape hatches and unused variables', async () => {
    const ids = await ruleIds('export const x: any = 1;\nconst unused = 2;\n', 'src/api/example.ts');
    expect(ids).toEqual(expect.arrayContaining(['@typescript-eslint/no-explicit-any', '@typescript-eslint/no-unused-vars']));
  });

  it('accepts a labelled, focusable scroll region (keyboard users can scroll it)', async () => {
    const ids = await ruleIds(`
      export function Example() {
        return <div role="region" aria-label="Charter" tabIndex={0}>text</div>;
      }
    `);
    expect(ids).toEqual([]);
  });
});
