/**
 * Sending: senders claim due deliveries in batches (`FOR UPDATE SKIP LOCKED`, so several
 * senders, in one process or many, share a queue without taking the same row), encrypt each
 * message for its subscription and sign the request with the service's VAPID key (web-push:
 * RFC 8291 aes128gcm and RFC 8292), and post it to the subscription's push service.
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
 * second copy (at most `concurrency` messages per crash). Rows it had only claimed were never
 * sent and go back to `pending`. The notification's tag (the notice's key) and the push
 * `Topic` header would fold a duplicate anyway, but the service does not rely on them.
 */
import { randomUUID } from 'node:crypto';
import webpush from 'web-push';
import type { PushMessage } from '../../src/data/push-message';
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
  /** Requests in flight at once. */
  concurrency?: number;
  /** How long a claim holds before another sender may recover it (s). */
  leaseSeconds?: number;
  /** Per request (ms). */
  timeoutMs?: number;
  maxAttempts?: number;
  /** The first retry's delay (ms); each next one doubles, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** The `fetch` requests go through (tests count or fail them). */
  fetch?: typeof fetch;
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
  key: string;
  kind: 'urgent' | 'event';
  messages: Record<string, Omit<PushMessage, 'notice'>>;
  expires_at: Date | null;
}

type Outcome = keyof SendCounts;

export class Sender {
  readonly id = randomUUID();
  private readonly options: Required<Omit<SenderOptions, 'fetch'>> & { fetch: typeof fetch };
  private running = false;
  private stopped = false;
  private wakeUp: (() => void) | undefined;
  private readonly signed = new Map<string, { header: string; until: number }>();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    options: SenderOptions,
  ) {
    this.options = {
      batchSize: 100,
      concurrency: 8,
      leaseSeconds: 120,
      timeoutMs: 15_000,
      maxAttempts: 8,
      baseDelayMs: 5_000,
      maxDelayMs: 3_600_000,
      fetch: globalThis.fetch.bind(globalThis),
      ...options,
    };
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
    for (let start = 0; start < due.length && !this.stopped; start += this.options.concurrency) {
      const window = due.slice(start, start + this.options.concurrency);
      for (const outcome of await this.sendWindow(window)) counts[outcome]++;
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
       SELECT c.notice_id, c.subscription_id, c.attempts, s.endpoint, s.p256dh, s.auth, s.language,
              n.key, n.kind, n.messages, n.expires_at
       FROM claimed c JOIN subscriptions s ON s.id = c.subscription_id JOIN notices n ON n.id = c.notice_id`,
      [this.id, this.options.batchSize, this.options.leaseSeconds],
    );
  }

  private async sendWindow(rows: Due[]): Promise<Outcome[]> {
    const now = Date.now();
    const expired = rows.filter((row) => row.expires_at && row.expires_at.getTime() <= now);
    const live = rows.filter((row) => !expired.includes(row));
    // Committed before any request leaves: from here on these are never sent again.
    const mine = await this.db.query<{ notice_id: number; subscription_id: number }>(
      `UPDATE deliveries AS d SET state = 'sending'
       FROM unnest($1::int[], $2::int[]) AS w(n, s)
       WHERE d.notice_id = w.n AND d.subscription_id = w.s AND d.state = 'claimed' AND d.sender = $3
       RETURNING d.notice_id, d.subscription_id`,
      [live.map((row) => row.notice_id), live.map((row) => row.subscription_id), this.id],
    );
    const held = new Set(mine.map((row) => `${row.notice_id}/${row.subscription_id}`));
    const sending = live.filter((row) => held.has(`${row.notice_id}/${row.subscription_id}`));
    const results = await Promise.all(sending.map((row) => this.send(row)));
    await this.record([
      ...expired.map((row) => ({ row, outcome: 'expired' as const, status: null, delayMs: 0 })),
      ...results,
    ]);
    // A row another sender recovered meanwhile (our lease ran out) is theirs: not counted here.
    return [...expired.map(() => 'expired' as const), ...results.map((result) => result.outcome)];
  }

  /** Posts one message; what the push service's answer means for the delivery. */
  private async send(row: Due): Promise<Result> {
    const message: PushMessage = { ...(row.messages[row.language] ?? row.messages.en!), notice: row.key };
    const label = endpointLabel(row.endpoint);
    const result = (outcome: Outcome, status: number | null, delayMs = 0): Result => ({
      row,
      outcome,
      status,
      delayMs,
    });
    let status: number;
    let retryAfter: string | null;
    try {
      const ttl = row.expires_at
        ? Math.max(60, Math.min(28 * 86_400, Math.floor((row.expires_at.getTime() - Date.now()) / 1000)))
        : 86_400;
      const details = webpush.generateRequestDetails(
        { endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } },
        JSON.stringify(message),
        {
          // No `vapidDetails`: the header is signed once per push service (`authorization`).
          headers: { Authorization: this.authorization(row.endpoint) },
          TTL: ttl,
          urgency: row.kind === 'urgent' ? 'high' : 'normal',
          topic: row.key,
          contentEncoding: 'aes128gcm',
        },
      );
      const response = await this.options.fetch(details.endpoint, {
        method: details.method,
        headers: Object.fromEntries(
          Object.entries(details.headers).map(([name, value]) => [name, String(value)]),
        ),
        body: details.body ? new Uint8Array(details.body) : null,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'error',
      });
      status = response.status;
      retryAfter = response.headers.get('Retry-After');
      await response.body?.cancel();
    } catch (error) {
      if (notConnected(error)) return this.retryOrFail(row, null, null, label);
      this.options.log('send-unknown', { endpoint: label, notice: row.key, reason: describe(error) });
      return result('unknown', null);
    }
    if (status >= 200 && status < 300) {
      this.options.log('sent', { endpoint: label, notice: row.key, status });
      return result('sent', status);
    }
    if (status === 404 || status === 410) {
      this.options.log('subscription-gone', { endpoint: label, status });
      return result('gone', status);
    }
    if (status === 429 || status >= 500) return this.retryOrFail(row, status, retryAfter, label);
    this.options.log('send-failed', { endpoint: label, notice: row.key, status });
    return result('failed', status);
  }

  private retryOrFail(row: Due, status: number | null, retryAfter: string | null, label: string): Result {
    if (row.attempts + 1 >= this.options.maxAttempts) {
      this.options.log('send-failed', {
        endpoint: label,
        notice: row.key,
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
      notice: row.key,
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
  private authorization(endpoint: string): string {
    const audience = new URL(endpoint).origin;
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

// Errors that mean the request never reached the push service, so sending again is safe.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function notConnected(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' && NOT_CONNECTED.has(cause.code);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return `${(error as Error)?.name ?? 'Error'}${typeof cause?.code === 'string' ? ` ${cause.code}` : ''}`;
}
