import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollAnswer } from '@citylink/core/poll';
import { main } from './cli';

/** Runs `citylink-feed` with `env`, capturing what it prints. */
async function run(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) }, env);
  return { code, out, err };
}

// The command speaks to the push service over HTTP only. The service's own tests
// (server/push/service.test.ts) check that its `POST /poll` reads the feed and sends; here a
// stand-in answers as the contract (packages/core/src/poll.ts) says.
describe('citylink-feed notify: a running push service reads the feed now', () => {
  const answers: PollAnswer[] = [];
  const asked: { method?: string; url?: string; authorization?: string }[] = [];
  let service: Server;
  let serviceUrl = '';

  beforeAll(async () => {
    service = createServer((request, response) => {
      asked.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
      if (request.headers.authorization !== 'Bearer the-token') {
        response.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answers.shift()));
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}/push/`;
  });
  afterAll(() => new Promise<void>((resolve) => service?.close(() => resolve())));

  it("says what the service's read did", async () => {
    answers.push({ result: { fresh: 2, notices: [], cancelled: 0, baseline: true } });
    const first = await run(['notify', serviceUrl], { PUSH_NOTIFY_TOKEN: 'the-token' });
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/first time: its 2 items are the baseline/);
    expect(asked.at(-1)).toEqual({ method: 'POST', url: '/push/poll', authorization: 'Bearer the-token' });

    const read: PollAnswer = {
      result: {
        fresh: 3,
        notices: [
          { key: 'a', kind: 'urgent', deliveries: 2 },
          { key: 'b', kind: 'event', deliveries: 1 },
          { key: 'c', kind: 'event', deliveries: 1 },
        ],
        cancelled: 1,
        baseline: false,
      },
    };
    answers.push(read);
    const second = await run(['notify', serviceUrl.slice(0, -1), '--json'], {
      PUSH_NOTIFY_TOKEN: 'the-token',
    });
    expect(second).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(second.out)).toEqual(read);
    expect(asked.at(-1)?.url).toBe('/push/poll');

    answers.push(read);
    const third = await run(['notify', serviceUrl], { PUSH_NOTIFY_TOKEN: 'the-token' });
    expect(third.out).toBe(
      'The push service read the feed: 3 new items, 1 urgent notices and 2 new events to send, 4 deliveries queued, 1 cancelled by retractions.\n',
    );

    answers.push({ result: 'unchanged' });
    expect((await run(['notify', serviceUrl], { PUSH_NOTIFY_TOKEN: 'the-token' })).out).toMatch(/unchanged/);
    answers.push({ result: 'failed' });
    const failed = await run(['notify', serviceUrl], { PUSH_NOTIFY_TOKEN: 'the-token' });
    expect(failed).toMatchObject({
      code: 3,
      out: 'The push service could not read the feed (its log says why).\n',
    });
  });

  it('fails clearly without the token, with a wrong one, or with no service there', async () => {
    const none = await run(['notify', serviceUrl]);
    expect(none).toMatchObject({ code: 64, out: '' });
    expect(none.err).toMatch(/set PUSH_NOTIFY_TOKEN/);

    answers.push({ result: 'unchanged' });
    const named = await run(['notify', serviceUrl, '--token-env', 'CITY_TOKEN'], { CITY_TOKEN: 'the-token' });
    expect(named.code).toBe(0);

    const wrong = await run(['notify', serviceUrl], { PUSH_NOTIFY_TOKEN: 'not-it' });
    expect(wrong).toMatchObject({ code: 3, out: '' });
    expect(wrong.err).toMatch(/answered 401/);

    const gone = await run(['notify', 'http://127.0.0.1:9/push/'], { PUSH_NOTIFY_TOKEN: 'the-token' });
    expect(gone.code).toBe(3);
    expect(gone.err).toMatch(/^citylink-feed notify: /);
  });
});

describe('citylink-feed keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citylink-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a pair as environment lines, or writes it to a new owner-only file and never replaces one', async () => {
    const printed = await run(['keys']);
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^VAPID_PUBLIC_KEY=[\w-]{87}\nVAPID_PRIVATE_KEY=[\w-]{43}\n$/);

    const file = join(dir, 'vapid.json');
    const written = await run(['keys', '--out', file]);
    expect(written.code).toBe(0);
    const keys = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    expect(written.out).toContain(keys.publicKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = await run(['keys', '--out', file]);
    expect(again.code).toBe(64);
    expect(again.err).toMatch(/exists/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(keys);
    expect(existsSync(file)).toBe(true);
  });

  it('makes a P-256 pair whose private key signs what its public key verifies', async () => {
    const { out } = await run(['keys']);
    const [publicKey, privateKey] = [...out.matchAll(/=(\S+)/g)].map((m) => m[1]!);
    const point = Buffer.from(publicKey!, 'base64url');
    expect(point[0]).toBe(4);
    const [x, y] = [point.subarray(1, 33).toString('base64url'), point.subarray(33).toString('base64url')];
    const jwk = { kty: 'EC', crv: 'P-256', x, y };
    const signature = sign(
      'sha256',
      Buffer.from('claims'),
      createPrivateKey({ key: { ...jwk, d: privateKey }, format: 'jwk' }),
    );
    expect(
      verify('sha256', Buffer.from('claims'), createPublicKey({ key: jwk, format: 'jwk' }), signature),
    ).toBe(true);
  });
});
