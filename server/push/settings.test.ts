import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeys } from './keys';
import { databaseProblem, senderSettings, vapidFromEnv } from './settings';

/** `npm run push` with `env`: its exit code and what it printed. */
function startService(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'citylink-push-start-'));
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'server/push/main.ts'],
      { env: { ...process.env, PUSH_DATA_DIR: dir, PUSH_PORT: '0', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
      },
    );
  });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('starting the push service', () => {
  const keys = generateKeys();

  it('stops with one line that says what to fix, never a stack trace', async () => {
    const port = await closedPort();
    const unreachable = await startService({
      DATABASE_URL: `postgres://citylink:s3cret-pw@127.0.0.1:${port}/push`,
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
    });
    expect(unreachable.code).toBe(1);
    const [line, ...rest] = unreachable.out.trim().split('\n');
    expect(rest).toEqual([]);
    expect(JSON.parse(line!)).toMatchObject({
      event: 'start-failed',
      message: `PostgreSQL at 127.0.0.1:${port} (database "push", user "citylink") refused the connection: is the server running and listening there?`,
    });
    expect(unreachable.out).not.toContain('s3cret-pw');

    const keyless = await startService({ DATABASE_URL: `postgres://127.0.0.1:${port}/push` });
    expect(keyless.code).toBe(1);
    expect(keyless.out).toContain('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not');
    expect(keyless.out).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('names each wrong setting', () => {
    expect(() => senderSettings({ PUSH_SEND_CONCURRENCY: 'lots' })).toThrow(
      'PUSH_SEND_CONCURRENCY must be a whole number from 1 to 1000, not "lots".',
    );
    expect(() => senderSettings({ PUSH_SEND_CONCURRENCY: '200', PUSH_SEND_BATCH: '100' })).toThrow(
      /PUSH_SEND_BATCH \(100\) must be at least PUSH_SEND_CONCURRENCY \(200\)/,
    );
    expect(
      senderSettings({ PUSH_SEND_CONCURRENCY: '20', PUSH_SEND_BATCH: '40', PUSH_SEND_LEASE_SECONDS: '30' }),
    ).toEqual({
      concurrency: 20,
      batchSize: 40,
      leaseSeconds: 30,
    });
    expect(() => vapidFromEnv({ VAPID_PUBLIC_KEY: keys.publicKey })).toThrow('VAPID_PRIVATE_KEY is missing');
    expect(() => vapidFromEnv({ VAPID_PUBLIC_KEY: 'abc', VAPID_PRIVATE_KEY: keys.privateKey })).toThrow(
      /not a valid pair/,
    );
    expect(vapidFromEnv({})).toBeUndefined();
    // PostgreSQL's own codes for a refused login and a missing database.
    const url = 'postgres://push:pw@db.example.org/citylink';
    expect(databaseProblem({ code: '28P01' }, url)).toBe(
      'PostgreSQL at db.example.org:5432 (database "citylink", user "push") refused the login: check the user name and password in DATABASE_URL.',
    );
    expect(databaseProblem({ code: '3D000' }, url)).toContain('the database does not exist');
  });
});
