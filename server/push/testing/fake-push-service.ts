/**
 * A push service for tests, on 127.0.0.1: it stands where a browser vendor's push service
 * stands (FCM, Mozilla's autopush…) and checks each request as one would, then decrypts it as
 * the browser would:
 *
 * - the VAPID `Authorization: vapid t=<JWT>, k=<public key>` header (RFC 8292): an ES256
 *   signature that verifies with `k`, `aud` the endpoint's origin, `exp` within 24 hours,
 *   a `sub` contact, and `k` the key the subscription was made with;
 * - the body (RFC 8291, `Content-Encoding: aes128gcm`), decrypted with the private key and auth
 *   secret the test generated for the subscription (`newSubscriber()`), with node:crypto only:
 *   nothing of web-push, whose encryption it checks.
 *
 * Each endpoint answers what the test scripts (`respond`), 201 by default; a request can be
 * held unanswered (`hold`) to cut a sender off mid-send.
 */
import { createECDH, createHmac, createPublicKey, createDecipheriv, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A browser's side of a subscription, made by the test. */
export interface Subscriber {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The test's secrets, to decrypt what reaches this endpoint. */
  privateKey: Buffer;
  authSecret: Buffer;
}

/** One request the service accepted or refused, decrypted when it could be. */
export interface Received {
  /** The endpoint's id (the last path segment). */
  id: string;
  status: number;
  headers: { ttl: string | undefined; urgency: string | undefined; topic: string | undefined };
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
  /** Why the request was refused by the checks, if it was. */
  error?: string;
}

export interface FakePushService {
  origin: string;
  /** Host and port, as the push server's endpoint allow-list takes it. */
  host: string;
  /** A new subscriber whose endpoint is on this service (its keys made now). */
  newSubscriber(id?: string): Subscriber;
  /** The statuses the endpoint answers, one per request, then 201. */
  respond(id: string, ...statuses: (number | { status: number; retryAfter?: string })[]): void;
  /** Holds the next `count` requests unanswered until `release()`; resolves `held` as each arrives. */
  hold(count: number): { held: Promise<void>; release(): void };
  /** Every request so far, in order. */
  readonly received: Received[];
  /** Resolves once `count` requests have been answered 2xx. */
  delivered(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

const b64u = (buffer: Buffer) => buffer.toString('base64url');

/**
 * Subscribes `reader` through the push server's API (`PUT <subscriptionUrl>`), in English, to
 * urgent notices and, when `events` is set, to events; the response's status.
 */
export async function subscribe(
  subscriptionUrl: string | URL,
  reader: Subscriber,
  events: boolean,
): Promise<number> {
  const response = await fetch(subscriptionUrl, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      endpoint: reader.endpoint,
      keys: reader.keys,
      language: 'en',
      urgent: true,
      events,
      topics: [],
    }),
  });
  return response.status;
}

export async function startFakePushService(applicationServerKey: () => string): Promise<FakePushService> {
  const keys = new Map<string, Subscriber>();
  const scripts = new Map<string, (number | { status: number; retryAfter?: string })[]>();
  const received: Received[] = [];
  const waiters: { count: number; resolve: (r: Received[]) => void }[] = [];
  let holds: { remaining: number; arrived: () => void; gate: Promise<void> } | undefined;
  let origin = '';

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const id = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.split('/').pop() ?? '');
      const headers = {
        ttl: header(request, 'ttl'),
        urgency: header(request, 'urgency'),
        topic: header(request, 'topic'),
      };
      const subscriber = keys.get(id);
      let status = 201;
      let retryAfter: string | undefined;
      let payload: unknown;
      let error: string | undefined;
      try {
        if (request.method !== 'POST') throw new Error(`method ${request.method}`);
        if (!subscriber) throw new Error('no such subscription');
        checkVapid(header(request, 'authorization') ?? '', origin, applicationServerKey());
        if (header(request, 'content-encoding') !== 'aes128gcm') throw new Error('not aes128gcm');
        if (!headers.ttl || !/^\d+$/.test(headers.ttl)) throw new Error('no TTL');
        payload = JSON.parse(decrypt(body, subscriber).toString('utf8'));
        const scripted = scripts.get(id)?.shift();
        if (scripted !== undefined) {
          status = typeof scripted === 'number' ? scripted : scripted.status;
          retryAfter = typeof scripted === 'number' ? undefined : scripted.retryAfter;
        }
      } catch (thrown) {
        status = subscriber ? 400 : 404;
        error = (thrown as Error).message;
      }
      if (holds && holds.remaining > 0 && !error) {
        holds.remaining--;
        holds.arrived();
        await holds.gate;
      }
      const entry: Received = { id, status, headers, payload, ...(error ? { error } : {}) };
      received.push(entry);
      response.writeHead(status, retryAfter ? { 'Retry-After': retryAfter } : {}).end();
      const ok = received.filter((r) => r.status >= 200 && r.status < 300);
      for (const waiter of waiters.filter((w) => ok.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(ok);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  let serial = 0;

  return {
    origin,
    host: `127.0.0.1:${port}`,
    newSubscriber(id = `sub-${++serial}`) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = randomBytes(16);
      const subscriber: Subscriber = {
        endpoint: `${origin}/wpush/${encodeURIComponent(id)}`,
        keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(authSecret) },
        privateKey: ecdh.getPrivateKey(),
        authSecret,
      };
      keys.set(id, subscriber);
      return subscriber;
    },
    respond(id, ...statuses) {
      scripts.set(id, [...(scripts.get(id) ?? []), ...statuses]);
    },
    hold(count) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let arrivedAll!: () => void;
      const held = new Promise<void>((resolve) => (arrivedAll = resolve));
      holds = {
        remaining: count,
        gate,
        arrived: () => {
          if (holds?.remaining === 0) arrivedAll();
        },
      };
      return { held, release };
    },
    received,
    delivered(count) {
      const ok = received.filter((r) => r.status >= 200 && r.status < 300);
      if (ok.length >= count) return Promise.resolve(ok);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Checks a VAPID header as a push service does (RFC 8292); throws what is wrong. */
export function checkVapid(authorization: string, audience: string, expectedKey: string): void {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match) throw new Error('no vapid authorization');
  const [, token, k] = match as unknown as [string, string, string];
  if (k !== expectedKey) throw new Error('a key other than the subscription was made with');
  const [head, claims, signature] = token.split('.');
  if (!head || !claims || !signature) throw new Error('not a JWT');
  const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as {
    alg?: string;
    typ?: string;
  };
  if (header.alg !== 'ES256') throw new Error(`alg ${header.alg}`);
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new Error('bad JWT signature');
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (body.aud !== audience) throw new Error(`aud ${body.aud} is not ${audience}`);
  const now = Date.now() / 1000;
  if (!body.exp || body.exp < now || body.exp > now + 24 * 3600) throw new Error('exp not within 24 hours');
  if (!body.sub || !/^(mailto:|https:)/.test(body.sub)) throw new Error('no sub contact');
}

/** Decrypts an aes128gcm push message body (RFC 8188 with the keys of RFC 8291). */
export function decrypt(body: Buffer, subscriber: Pick<Subscriber, 'privateKey' | 'authSecret'>): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const serverKey = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  if (records.length > recordSize) throw new Error('more than one record');

  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(subscriber.privateKey);
  const secret = ecdh.computeSecret(serverKey);
  const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey]);
  const ikm = hmac(hmac(subscriber.authSecret, secret), Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end);
}
