import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPushMessage } from '@citylink/core/push-message';
import { generateKeys } from '../../server/push/keys';
import { startPushService, type PushService } from '../../server/push/service';
import {
  startFakePushService,
  subscribe,
  type FakePushService,
} from '../../server/push/testing/fake-push-service';
import { BEFORE, NEWS, feed } from '../../server/push/testing/feeds';
import { pgliteFolders } from '../../server/push/testing/pglite';
import { main } from './cli';

/** Runs `citylink-feed` with `env`, capturing what it prints. */
async function run(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) }, env);
  return { code, out, err };
}

describe('citylink-feed notify: a running push service reads the feed now', () => {
  const folders = pgliteFolders();
  const vapid = { ...generateKeys(), subject: 'mailto:push-test@citylink.invalid' };
  let items: unknown[] = BEFORE;
  let site: Server;
  let service: PushService;
  let push: FakePushService;
  let serviceUrl = '';

  beforeAll(async () => {
    await folders.prepare();
    site = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/feed+json' }).end(JSON.stringify(feed(items)));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    push = await startFakePushService(() => vapid.publicKey);
    service = await startPushService({
      database: { dataDir: folders.fresh() },
      vapid,
      feedUrl: `http://127.0.0.1:${(site.address() as AddressInfo).port}/feed.json`,
      watch: false,
      endpointHosts: [push.host],
      notifyToken: 'the-token',
      port: 0,
      log: () => undefined,
    });
    serviceUrl = `${service.origin}${service.basePath}/`;
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await push?.close();
    await new Promise<void>((resolve) => site?.close(() => resolve()));
    folders.remove();
  }, 60_000);

  it('says what the read did, and the service sends the new notices', async () => {
    const reader = push.newSubscriber();
    expect(await subscribe(new URL('subscription', serviceUrl), reader, true)).toBe(200);

    const first = await run(['notify', serviceUrl], { PUSH_NOTIFY_TOKEN: 'the-token' });
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/first time: its 2 items are the baseline/);

    items = [...NEWS, ...BEFORE];
    const second = await run(['notify', serviceUrl, '--json'], { PUSH_NOTIFY_TOKEN: 'the-token' });
    expect(second.code).toBe(0);
    const answer = JSON.parse(second.out) as { result: { baseline: boolean; notices: { kind: string }[] } };
    expect(answer.result.baseline).toBe(false);
    expect(answer.result.notices.map((n) => n.kind).sort()).toEqual(['event', 'event', 'urgent']);
    const titles = (await push.delivered(3)).map((r) => readPushMessage(r.payload)?.title).sort();
    expect(titles).toEqual([
      'New event: AI forum',
      'New event: Cantonese opera night',
      'Urgent: Typhoon signal No. 8',
    ]);
    expect(second.err).toBe('');

    const third = await run(['notify', serviceUrl], { PUSH_NOTIFY_TOKEN: 'the-token' });
    expect(third.code).toBe(0);
    expect(third.out).toMatch(/0 new items, 0 urgent notices and 0 new events to send/);
  });

  it('fails clearly without the token, with a wrong one, or with no service there', async () => {
    const none = await run(['notify', serviceUrl]);
    expect(none).toMatchObject({ code: 64, out: '' });
    expect(none.err).toMatch(/set PUSH_NOTIFY_TOKEN/);

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
});
