// Poll instead of sleeping blindly: run `check` every `interval` ms until it passes or `timeout`
// ms have gone; then rethrow the last failure. `check` passes when it returns a truthy value
// without throwing: a check that asserts ends with `return true`, one that looks something up
// returns it (null, undefined, false, 0 or '' mean "not yet", as a throw does).
import { setTimeout as sleep } from 'node:timers/promises';

export async function eventually(check, { timeout = 60_000, interval = 2_000, what = 'condition' } = {}) {
  const started = Date.now();
  let lastError;
  for (;;) {
    try {
      const result = await check();
      if (result) {
        console.log(`${what}: true after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return result;
      }
      lastError = new Error(`the check answered ${String(result)}`);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started + interval > timeout) break;
    await sleep(interval);
  }
  const waited = Math.round((Date.now() - started) / 1000);
  const error = new Error(`${what}: still not true after ${waited} s — ${lastError?.message ?? lastError}`);
  error.cause = lastError;
  throw error;
}
