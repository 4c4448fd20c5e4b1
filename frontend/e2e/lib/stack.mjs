// The whole Relais stack for the journeys: scripts/run_stack.py in a throwaway var dir on a free
// port, started once per run and always stopped (process group) and cleaned up, even on failure.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const HERE = dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = resolve(HERE, '..');
export const REPO_ROOT = resolve(E2E_DIR, '..', '..');
export const LOG_DIR = join(E2E_DIR, 'logs');
const SERVICE_OFFSETS = [0, 101, 102, 103]; // gateway, ambassadors, editorial, aggregator
const READY_TIMEOUT_MS = 120_000;

function portIsFree(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** A base port whose service ports (base + 101..103) are free as well. */
export async function freeBasePort() {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const base = 20000 + Math.floor(Math.random() * 30000);
    const checks = await Promise.all(SERVICE_OFFSETS.map((offset) => portIsFree(base + offset)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error('no free port range found for the stack');
}

async function waitReady(url, child, logPath) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`run_stack.py exited (${child.exitCode}) before ${url}/readyz answered:\n${tail(logPath)}`);
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${url}/readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s:\n${tail(logPath)}`);
}

export function tail(path, lines = 60) {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Start the stack. Returns {url, admin: {email, password}, logPath, stop()}.
 * With RELAIS_E2E_URL set (and RELAIS_E2E_ADMIN_EMAIL/PASSWORD), reuse a running stack instead.
 * `env`: more variables for the services (the Planet journey's SSRF allowance of its feed server).
 */
export async function startStack({ env: extraEnv = {} } = {}) {
  if (process.env.RELAIS_E2E_URL) {
    return {
      url: process.env.RELAIS_E2E_URL.replace(/\/$/, ''),
      admin: { email: process.env.RELAIS_E2E_ADMIN_EMAIL, password: process.env.RELAIS_E2E_ADMIN_PASSWORD },
      mailDir: process.env.RELAIS_E2E_MAIL_DIR,
      logPath: null,
      stop: async () => {},
    };
  }
  const varDir = mkdtempSync(join(tmpdir(), 'relais-e2e-'));
  const port = await freeBasePort();
  const admin = { email: 'core-team@relais.test', password: `Adm1n-${Math.random().toString(36).slice(2)}-pass` };
  mkdirSync(LOG_DIR, { recursive: true });
  const logPath = join(LOG_DIR, 'stack.log');
  const log = createWriteStream(logPath);
  const env = {
    ...process.env,
    RELAIS_VAR_DIR: varDir,
    RELAIS_PORT: String(port),
    RELAIS_HOST: '127.0.0.1',
    RELAIS_ADMIN_EMAIL: admin.email,
    RELAIS_ADMIN_PASSWORD: admin.password,
    RELAIS_ADMIN_LOCALE: 'en', // the admin's screens are checked in English (the profile's language applies at sign-in)
    RELAIS_EVENT_POLL_SECONDS: '1',
    RELAIS_DEMO: '1',
    RELAIS_ENV: 'development',
    // the journeys' people sign up with @example.com addresses (the demo's own domain is the default)
    RELAIS_SIGNUP_DOMAINS: 'example.com,demo.relais.localhost',
    // the journeys sign up and sign in more than 10 times a minute from one address (limits: gateway tests)
    GATEWAY_AUTH_BURST: '100',
    ...extraEnv,
  };
  const child = spawn('python3', ['-m', 'uv', 'run', '--frozen', 'python', 'scripts/run_stack.py'], {
    cwd: REPO_ROOT,
    env,
    detached: true, // its own process group: one kill stops uv, run_stack and every service
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((done) => child.once('exit', done));
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Last resort if the runner itself dies (Ctrl-C, crash): never leave services behind.
  const onExit = () => killGroup('SIGKILL');
  const onSignal = (signal) => {
    killGroup('SIGKILL');
    rmSync(varDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
    await sleep(500); // the services stop after run_stack.py itself
    killGroup('SIGKILL');
    if (!done) await Promise.race([exited, sleep(5000)]);
    process.removeListener('exit', onExit);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    rmSync(varDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  // no SMTP server: each e-mail is written whole there (lib/mail.mjs reads the people's links)
  return { url, admin, mailDir: join(varDir, 'mail'), logPath, stop };
}
