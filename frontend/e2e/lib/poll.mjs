// Poll instead of sleeping blindly: run `check` (which throws while the state is not reached)
// every `interval` ms until it passes or `timeout` ms have gone; then rethrow the last failure.
import { setTimeout as sleep } from 'node:timers/promises';

export async function eventually(check, { timeout = 60_000, interval = 2_000, what = 'condition' } = {}) {
  const started = Date.now();
  let lastError;
  for (;;) {
    try {
      const result = await check();
      console.log(`${what}: true after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return result;
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
