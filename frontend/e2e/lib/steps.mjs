// A journey is a list of dependent steps: once one fails, the following ones fail at once with
// the name of the step that broke (instead of piling up confusing errors). Nothing is skipped.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { accessibilityFailures, auditedScreens, screenshotOpenPages } from './browser.mjs';

export function journey() {
  let broken = null;
  // `independent: true` marks a step that needs nothing from the ones before: it always runs
  // and its failure does not stop the following steps.
  return function step(name, fn, { independent = false, ...options } = {}) {
    it(name, { timeout: 180_000, ...options }, async (t) => {
      if (broken && !independent) throw new Error(`not run: the journey broke at “${broken}”`);
      try {
        await fn(t);
      } catch (error) {
        if (!independent) broken = name;
        await screenshotOpenPages(name);
        throw error;
      }
    });
  };
}

/** The closing test of a journey: axe found no serious/critical violation on its screens. */
export function accessibilityVerdict(prefix) {
  it(`axe: no serious or critical violation on the screens visited (${prefix}*)`, () => {
    assert.ok(auditedScreens(prefix).length > 0, 'no screen was audited');
    const failures = accessibilityFailures(prefix);
    assert.equal(failures.length, 0, `serious/critical axe violations on ${failures.length} of ${auditedScreens(prefix).length} screens:\n${failures.join('\n')}`);
  });
}
