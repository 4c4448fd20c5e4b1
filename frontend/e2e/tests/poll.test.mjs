// eventually() (lib/poll.mjs) waits for a truthy answer: a check that answers null, false or
// nothing is retried like one that throws, and the last reason is in the final error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually } from '../lib/poll.mjs';

const quick = { interval: 5, timeout: 200 };

test('a falsy answer is "not yet": retried until a truthy one, which is returned', async () => {
  let calls = 0;
  const answers = [null, undefined, false, 0, '', 'the link'];
  assert.equal(await eventually(() => answers[calls++], { ...quick, what: 'link' }), 'the link');
  assert.equal(calls, answers.length);
});

test('a check that throws is retried until it stops throwing and answers', async () => {
  let calls = 0;
  const passed = await eventually(() => {
    calls += 1;
    assert.ok(calls >= 3, 'not yet');
    return true;
  }, { ...quick, what: 'third call' });
  assert.equal(passed, true);
  assert.equal(calls, 3);
});

test('a check that never answers truthy fails after the timeout, saying why', async () => {
  await assert.rejects(eventually(() => false, { ...quick, what: 'never' }), /never: still not true after .* the check answered false/);
  await assert.rejects(eventually(() => { throw new Error('still pending'); }, { ...quick, what: 'thrown' }), /thrown: still not true .* still pending/);
});
