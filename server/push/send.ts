/**
 * Sending: senders claim due deliveries in batches (`FOR UPDATE SKIP LOCKED`, so several
 * senders, in one process or many, share a queue without taking the same row), encrypt each
 * message for its subscription and sign the request with the service's VAPID key (web-push:
 * RFC 8291 aes128gcm and RFC 8292), and post it to the subscription's push service.
 *
 * Per core, the time goes to the encryption (an ECDH key pair and agreement per message, which
 * RFC 8291 requires), the HTTP client and the database (docs/push.md "Where the time goes").
 * So: requests go through one undici Agent, which keeps connections alive and speaks HTTP/2
 * where the push service offers it (every browser vendor's does), many streams on one TLS
 * connection; the VAPID header is signed once per push service origin and reused for most of
 * its lifetime (RFC 8292 allows any JWT until its `exp`); a notice's message is read and
 * serialised once per language, not per delivery; and a window's outcomes are written while
 * the next window is on the wire.
 *
 * A delivery goes `pending` → `claimed` (leased to one sender) → `sending` (committed before
 * the request leaves) → `sent`. What the push service answers decides the rest:
 * - 2xx: sent. 404 or 410: the subscription is gone; it is deleted (with its deliveries).
 * - 429, 5xx, or no connection at all: the message was not taken; back to `pending`, later
 *   (`Retry-After`, else exponential backoff), at most `maxAttempts` times, then `failed`.
 * - any other answer: `failed` (the request itself is wrong; sending it again would not help).
 * - a request that left but got no answer (a timeout, a reset): `unknown`, never sent again.
 *
 * "Never twice": a delivery is sent from `sending` only once. A sender that dies mid-request
 * leaves its rows in `sending`; whoever recovers them marks them `unknown` rather than risk a
 * second copy (at most two windows of `concurrency` messages per crash: one on the wire, one
 * whose outcomes were being written). Rows it had only claimed were never sent and go back to
 * `pending`. A retraction turns claimed rows `expired` too, and a row is marked `sending` only
 * while still claimed: a retracted notice's claimed work stops before its send. The notification's tag (the notice's key) and the push
 * `Topic` header would fold a duplicate anyway, but the service does not rely on them.
 */
import { randomUUID } from 'node:crypto';
import { Agent, Pool, type Dispatcher } from 'undici';
import webpush from 'web-push';
import type { PushMessage } from '../../packages/core/src/push-message';
import type { Database } from './db';
import { endpointLabel, type Log } from './log';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** A `mailto:` or `https:` contact for push services (RFC 8292 `sub`). */
  subject: string;
}

export interface SenderOptions {
  vapid: VapidKeys;
  log: Log;
  /** Deliveries claimed at a time. */
  batchSize?: number;
  /** Requests in flight at once: a window, marked `sending` in one write. */
  concurrency?: number;
  /** How long a claim holds before another sender may recover it (s). */
  leaseSeconds?: number;
  /** Per request (ms). */
  timeoutMs?: number;
  maxAttempts?: number;
  /** The first retry's delay (ms); each next one doubles, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Where requests go through; by default an Agent of the sender's own (keep-alive, HTTP/2). */
  dispatcher?: Dispatcher;
  /** Counts what is sent, for /metrics. */
  metrics?: SendMetrics;
}

/** What a sender reports as it goes (metrics.ts keeps these for Prometheus). */
export interface SendMetrics {
  outcome(outcome: Outcome, count: number): void;
  /** A request's time (s), and how long its notice had waited since it was made (s). */
  latency(requestSeconds: number, sinceNoticeSeconds: number): void;
}

/** Counts of what one pass did. */
export interface SendCounts {
  sent: number;
  retried: number;
  gone: number;
  failed: number;
  unknown: number;
  expired: number;
}

interface Due {
  notice_id: number;
  subscription_id: number;
  attempts: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  language: string;
}

/** A notice as the sender needs it: read once, its message serialised once per language. */
interface Notice {
  key: string;
  kind: 'urgent' | 'event';
  expiresAt: number | null;
  createdAt: number;
  payloads: Map<string, Buffer>;
}

export type Outcome = keyof SendCounts;

export class Sender {
  readonly id = randomUUID();
  private readonly options: Required<Omit<SenderOptions, 'dispatcher' | 'metrics'>> &
    Pick<SenderOptions, 'metrics'>;
  private readonly dispatcher: Dispatcher;
  private readonly ownDispatcher: Agent | undefined;
  private readonly notices = new Map<number, Notice>();
  private running = false;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private readonly signed = new Map<string, { header: string; until: number }>();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    options: SenderOptions,
  ) {
    const { dispatcher, ...rest } = options;
    this.options = { ...SENDER_DEFAULTS, ...rest };
    this.ownDispatcher = dispatcher ? undefined : pushAgent(this.options.concurrency);
    this.dispatcher = dispatcher ?? this.ownDispatcher!;
  }

  /**
   * Puts back what dead senders left: claimed rows go back to the queue, rows caught mid-request
   * become `unknown`. On PGlite this process is the only one, so everything is recovered at
   * once; on a server, only rows whose lease has run out.
   */
  async recover(everything = this.db.kind === 'embedded'): Promise<{ requeued: number; unknown: number }> {
    const expired = everything ? 'true' : 'lease_until < now()';
    const requeued = await this.db.query(
      `UPDATE deliveries SET state = 'pending', sender = NULL, lease_until = NULL
       WHERE state = 'claimed' AND ${expired} RETURNING notice_id`,
    );
    const unknown = await this.db.query(
      `UPDATE deliveries SET state = 'unknown', finished_at = now()
       WHERE state = 'sending' AND ${expired} RETURNING notice_id`,
    );
    if (requeued.length || unknown.length) {
      this.options.log('recovered', { requeued: requeued.length, unknown: unknown.length });
    }
    return { requeued: requeued.length, unknown: unknown.length };
  }

  /**
   * One pass: claims a batch of due deliveries and sends them, `concurrency` at a time. Each
   * window is marked `sending` in one committed write before its requests leave, and its
   * outcomes are written together: two writes per window, not per message.
   */
  async sendDue(): Promise<SendCounts> {
    const counts: SendCounts = { sent: 0, retried: 0, gone: 0, failed: 0, unknown: 0, expired: 0 };
    const due = await this.claim();
    let recording: Promise<void> = Promise.resolve();
    try {
      for (let start = 0; start < due.length && !this.stopped; start += this.options.concurrency) {
        const results = await this.sendWindow(due.slice(start, start + this.options.concurrency));
        // This window's outcomes are written while the next one is on the wire; one write at a time.
        await recording;
        recording = this.record(results);
        for (const result of results) counts[result.outcome]++;
      }
    } finally {
      await recording;
    }
    for (const outcome of Object.keys(counts) as Outcome[]) {
      if (counts[outcome] > 0) this.options.metrics?.outcome(outcome, counts[outcome]);
    }
    return counts;
  }

  /** Sends until nothing is due now; for one-off runs (`notify()`) and tests. */
  async drain(): Promise<SendCounts> {
    const total: SendCounts = { sent: 0, retried: 0, gone: 0, failed: 0, unknown: 0, expired: 0 };
    for (;;) {
      const counts = await this.sendDue();
      for (const key of Object.keys(total) as Outcome[]) total[key] += counts[key];
      if (Object.values(counts).every((n) => n === 0)) return total;
    }
  }

  /** When the next retry is due (ms from now), if any delivery waits for one. */
  async nextDue(): Promise<number | undefined> {
    const [row] = await this.db.query<{ wait: number | null }>(
      `SELECT (extract(epoch FROM min(next_attempt) - now()) * 1000)::float8 AS wait
       FROM deliveries WHERE state = 'pending'`,
    );
    return row?.wait === null || row?.wait === undefined ? undefined : Math.max(0, row.wait);
  }

  /** Runs in the background: sends what is due, sleeps until woken or the next retry. */
  start(idleMs = 5_000): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      await this.recover();
      while (!this.stopped) {
        try {
          const counts = await this.sendDue();
          if (Object.values(counts).some((n) => n > 0)) continue;
          if (this.db.kind === 'server') await this.recover(false);
          const wait = Math.min(idleMs, (await this.nextDue()) ?? idleMs);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, wait);
            this.wakeUp = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        } catch (error) {
          this.options.log('send-loop-error', { message: (error as Error).message });
          await new Promise((resolve) => setTimeout(resolve, idleMs));
        }
      }
    })();
  }

  /** New deliveries are queued: look now rather than at the next idle tick. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await this.ownDispatcher?.close();
  }

  /** Closes the connections of a sender that was never started (`drain()` only). */
  async close(): Promise<void> {
    await this.ownDispatcher?.close();
  }

  private async claim(): Promise<Due[]> {
    return this.db.query<Due>(
      `WITH due AS (
         SELECT notice_id, subscription_id FROM deliveries
         WHERE state = 'pending' AND next_attempt <= now()
         ORDER BY next_attempt LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE deliveries AS d
         SET state = 'claimed', sender = $1, lease_until = now() + make_interval(secs => $3)
         FROM due WHERE d.notice_id = due.notice_id AND d.subscription_id = due.subscription_id
         RETURNING d.notice_id, d.subscription_id, d.attempts
       )
       SELECT c.notice_id, c.subscription_id, c.attempts, s.endpoint, s.p256dh, s.auth, s.language
       FROM claimed c JOIN subscriptions s ON s.id = c.subscription_id`,
      [this.id, this.options.batchSize, this.options.leaseSeconds],
    );
  }

  /** The notices of `rows` not read yet: one query per batch at most, usually none. */
  private async readNotices(rows: Due[]): Promise<void> {
    const missing = [...new Set(rows.map((row) => row.notice_id))].filter((id) => !this.notices.has(id));
    if (missing.length === 0) return;
    const found = await this.db.query<{
      id: number;
      key: string;
      kind: 'urgent' | 'event';
      messages: Record<string, Omit<PushMessage, 'notice'>>;
      expires_at: Date | null;
      created_at: Date;
    }>('SELECT id, key, kind, messages, expires_at, created_at FROM notices WHERE id = ANY($1::int[])', [
      missing,
    ]);
    // A sender lives long and notices are few; those of the last day are plenty to keep.
    if (this.notices.size > 1000) this.notices.clear();
    for (const notice of found) {
      const payloads = new Map<string, Buffer>();
      for (const [lang, message] of Object.entries(notice.messages)) {
        payloads.set(
          lang,
          Buffer.from(JSON.stringify({ ...message, notice: notice.key } satisfies PushMessage)),
        );
      }
      this.notices.set(notice.id, {
        key: notice.key,
        kind: notice.kind,
        expiresAt: notice.expires_at?.getTime() ?? null,
        createdAt: notice.created_at.getTime(),
        payloads,
      });
    }
  }

  private async sendWindow(rows: Due[]): Promise<Result[]> {
    await this.readNotices(rows);
    // A notice pruned meanwhile took its deliveries with it (ON DELETE CASCADE).
    rows = rows.filter((row) => this.notices.has(row.notice_id));
    const now = Date.now();
    const noticeOf = (row: Due) => this.notices.get(row.notice_id)!;
    const expired = rows.filter((row) => (noticeOf(row).expiresAt ?? Infinity) <= now);
    const live = rows.filter((row) => !expired.includes(row));
    // Committed before any request leaves: from here on these are never sent again. Only rows
    // still claimed by this sender: a retraction (or a recovery after our lease) took the rest.
    const mine = await this.db.query<{ notice_id: number; subscription_id: number }>(
      `UPDATE deliveries AS d SET state = 'sending'
       FROM unnest($1::int[], $2::int[]) AS w(n, s)
       WHERE d.notice_id = w.n AND d.subscription_id = w.s AND d.state = 'claimed' AND d.sender = $3
       RETURNING d.notice_id, d.subscription_id`,
      [live.map((row) => row.notice_id), live.map((row) => row.subscription_id), this.id],
    );
    const held = new Set(mine.map((row) => `${row.notice_id}/${row.subscription_id}`));
    const sending = live.filter((row) => held.has(`${row.notice_id}/${row.subscription_id}`));
    const results = await Promise.all(sending.map((row) => this.send(row, noticeOf(row))));
    return [
      ...expired.map((row) => ({ row, outcome: 'expired' as const, status: null, delayMs: 0 })),
      ...results,
    ];
  }

  /** Posts one message; what the push service's answer means for the delivery. */
  private async send(row: Due, notice: Notice): Promise<Result> {
    const label = endpointLabel(row.endpoint);
    const result = (outcome: Outcome, status: number | null, delayMs = 0): Result => ({
      row,
      outcome,
      status,
      delayMs,
    });
    let status: number;
    let retryAfter: string | null;
    const started = performance.now();
    try {
      const ttl = notice.expiresAt
        ? Math.max(60, Math.min(28 * 86_400, Math.floor((notice.expiresAt - Date.now()) / 1000)))
        : 86_400;
      const payload = notice.payloads.get(row.language) ?? notice.payloads.get('en')!;
      // RFC 8291: a new ECDH key pair and salt for every message; the body is the aes128gcm
      // record with its header (salt, record size, our public key), as web-push sends it.
      const body = webpush.encrypt(row.p256dh, row.auth, payload, 'aes128gcm').cipherText;
      const url = new URL(row.endpoint);
      const response = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          authorization: this.authorization(url.origin),
          'content-encoding': 'aes128gcm',
          'content-type': 'application/octet-stream',
          ttl: String(ttl),
          urgency: notice.kind === 'urgent' ? 'high' : 'normal',
          topic: notice.key,
        },
        body,
        // Several in flight on one connection (HTTP/2 streams): each is a new message, never
        // sent again by the client itself (a request that left and got no answer is `unknown`).
        idempotent: true,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      status = response.statusCode;
      const after = response.headers['retry-after'];
      retryAfter = (Array.isArray(after) ? after[0] : after) ?? null;
      await response.body.dump();
    } catch (error) {
      if (notConnected(error)) return this.retryOrFail(row, notice, null, null, label);
      this.options.log('send-unknown', { endpoint: label, notice: notice.key, reason: describe(error) });
      return result('unknown', null);
    }
    this.options.metrics?.latency(
      (performance.now() - started) / 1000,
      (Date.now() - notice.createdAt) / 1000,
    );
    // Success is the usual case and is counted, not logged: a line per message is a log of
    // millions of lines per notice. Failures are rare and each is worth a line.
    if (status >= 200 && status < 300) return result('sent', status);
    if (status === 404 || status === 410) {
      this.options.log('subscription-gone', { endpoint: label, status });
      return result('gone', status);
    }
    if (status === 429 || status >= 500) return this.retryOrFail(row, notice, status, retryAfter, label);
    this.options.log('send-failed', { endpoint: label, notice: notice.key, status });
    return result('failed', status);
  }

  private retryOrFail(
    row: Due,
    notice: Notice,
    status: number | null,
    retryAfter: string | null,
    label: string,
  ): Result {
    if (row.attempts + 1 >= this.options.maxAttempts) {
      this.options.log('send-failed', {
        endpoint: label,
        notice: notice.key,
        status,
        attempts: row.attempts + 1,
      });
      return { row, outcome: 'failed', status, delayMs: 0 };
    }
    const delayMs = retryDelay(
      row.attempts + 1,
      retryAfter,
      this.options.baseDelayMs,
      this.options.maxDelayMs,
    );
    this.options.log('send-retry', {
      endpoint: label,
      notice: notice.key,
      status,
      attempts: row.attempts + 1,
      delayMs,
    });
    return { row, outcome: 'retried', status, delayMs };
  }

  /** Writes a window's outcomes: one statement per kind of outcome. */
  private async record(results: Result[]): Promise<void> {
    const of = (outcome: Outcome) => results.filter((result) => result.outcome === outcome);
    const keys = (list: Result[]) => [
      list.map((r) => r.row.notice_id),
      list.map((r) => r.row.subscription_id),
    ];
    const gone = of('gone');
    if (gone.length) {
      // Its deliveries go with it (ON DELETE CASCADE).
      await this.db.query('DELETE FROM subscriptions WHERE id = ANY($1::int[])', [
        gone.map((r) => r.row.subscription_id),
      ]);
    }
    const retried = of('retried');
    if (retried.length) {
      await this.db.query(
        `UPDATE deliveries AS d SET state = 'pending', attempts = d.attempts + 1, last_status = w.status,
                sender = NULL, lease_until = NULL, next_attempt = now() + make_interval(secs => w.delay)
         FROM unnest($1::int[], $2::int[], $3::int[], $4::float8[]) AS w(n, s, status, delay)
         WHERE d.notice_id = w.n AND d.subscription_id = w.s`,
        [...keys(retried), retried.map((r) => r.status), retried.map((r) => r.delayMs / 1000)],
      );
    }
    const finished = results.filter((r) => ['sent', 'failed', 'unknown', 'expired'].includes(r.outcome));
    if (finished.length) {
      await this.db.query(
        `UPDATE deliveries AS d SET state = w.state, last_status = w.status, finished_at = now(), lease_until = NULL,
                attempts = CASE WHEN w.state = 'failed' THEN d.attempts + 1 ELSE d.attempts END
         FROM unnest($1::int[], $2::int[], $3::text[], $4::int[]) AS w(n, s, state, status)
         WHERE d.notice_id = w.n AND d.subscription_id = w.s`,
        [...keys(finished), finished.map((r) => r.outcome), finished.map((r) => r.status)],
      );
    }
  }

  /**
   * The VAPID `Authorization` header for an endpoint's push service (RFC 8292): a JWT for the
   * service's origin, valid 12 hours, signed once and reused for 11, since signing costs more
   * than encrypting the message.
   */
  private authorization(audience: string): string {
    const now = Math.floor(Date.now() / 1000);
    const cached = this.signed.get(audience);
    if (cached && cached.until > now + 3600) return cached.header;
    const until = now + 12 * 3600;
    const { publicKey, privateKey, subject } = this.options.vapid;
    const header = webpush.getVapidHeaders(
      audience,
      subject,
      publicKey,
      privateKey,
      'aes128gcm',
      until,
    ).Authorization;
    this.signed.set(audience, { header, until });
    return header;
  }
}

/** What sending one delivery came to. */
interface Result {
  row: Due;
  outcome: Outcome;
  status: number | null;
  /** For a retry: how long to wait. */
  delayMs: number;
}

/**
 * The delay before the next try: what `Retry-After` asks (seconds or an HTTP date), else the
 * base delay doubled per attempt with some jitter, so that senders do not retry in step.
 */
export function retryDelay(
  attempts: number,
  retryAfter: string | null,
  baseMs: number,
  maxMs: number,
): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const asked = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(asked) && asked >= 0) return Math.min(maxMs, asked);
  }
  const backoff = baseMs * 2 ** (attempts - 1);
  return Math.min(maxMs, backoff * (0.75 + Math.random() * 0.5));
}

/** The settings a sender has unless told otherwise (`npm run push` reads them from PUSH_SEND_*). */
export const SENDER_DEFAULTS = {
  batchSize: 1000,
  concurrency: 100,
  leaseSeconds: 120,
  timeoutMs: 15_000,
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
};

/**
 * The connections to push services: kept alive, HTTP/2 where the service offers it (ALPN), up
 * to `streams` requests in flight on one connection. A push service on plain http (a test's, a
 * deployment's own under PUSH_ENDPOINT_HOSTS) gets one request per connection, as many
 * connections as it takes.
 */
function pushAgent(streams: number): Agent {
  return new Agent({
    allowH2: true,
    maxConcurrentStreams: streams,
    keepAliveTimeout: 60_000,
    factory: (origin, options) =>
      new Pool(origin, { ...options, pipelining: String(origin).startsWith('https:') ? streams : 1 }),
  });
}

// Errors that mean the request never reached the push service, so sending again is safe.
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function codeOf(error: unknown): string | undefined {
  const value = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = value?.code ?? value?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

function notConnected(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && NOT_CONNECTED.has(code);
}

function describe(error: unknown): string {
  const code = codeOf(error);
  return `${(error as Error)?.name ?? 'Error'}${code ? ` ${code}` : ''}`;
}
