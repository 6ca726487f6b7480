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

  /** One pass: claims a batch of due deliveries and sends them. Resolves with what happened. */
  async sendDue(): Promise<SendCounts> {
    const counts: SendCounts = { sent: 0, retried: 0, gone: 0, failed: 0, unknown: 0, expired: 0 };
    const due = await this.claim();
    let next = 0;
    const worker = async () => {
      while (next < due.length && !this.stopped) {
        const row = due[next++]!;
        counts[await this.deliver(row)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, due.length) }, worker));
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

  private async deliver(row: Due): Promise<Outcome> {
    const where = 'notice_id = $1 AND subscription_id = $2';
    const ids = [row.notice_id, row.subscription_id];
    const finish = (state: string, status: number | null) =>
      this.db.query(
        `UPDATE deliveries SET state = $3, last_status = $4, finished_at = now(), lease_until = NULL WHERE ${where}`,
        [...ids, state, status],
      );

    if (row.expires_at && row.expires_at.getTime() <= Date.now()) {
      await finish('expired', null);
      return 'expired';
    }
    // Committed before the request leaves: from here on this delivery is never sent again.
    const mine = await this.db.query(
      `UPDATE deliveries SET state = 'sending' WHERE ${where} AND state = 'claimed' AND sender = $3 RETURNING notice_id`,
      [...ids, this.id],
    );
    if (mine.length === 0) return 'unknown';

    const message: PushMessage = { ...(row.messages[row.language] ?? row.messages.en!), notice: row.key };
    const label = endpointLabel(row.endpoint);
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
          vapidDetails: this.options.vapid,
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
      if (notConnected(error)) return this.retry(row, null, null, label);
      await finish('unknown', null);
      this.options.log('send-unknown', { endpoint: label, notice: row.key, reason: describe(error) });
      return 'unknown';
    }

    if (status >= 200 && status < 300) {
      await finish('sent', status);
      this.options.log('sent', { endpoint: label, notice: row.key, status });
      return 'sent';
    }
    if (status === 404 || status === 410) {
      await this.db.query('DELETE FROM subscriptions WHERE id = $1', [row.subscription_id]);
      this.options.log('subscription-gone', { endpoint: label, status });
      return 'gone';
    }
    if (status === 429 || status >= 500) return this.retry(row, status, retryAfter, label);
    await finish('failed', status);
    this.options.log('send-failed', { endpoint: label, notice: row.key, status });
    return 'failed';
  }

  private async retry(
    row: Due,
    status: number | null,
    retryAfter: string | null,
    label: string,
  ): Promise<Outcome> {
    const attempts = row.attempts + 1;
    const ids = [row.notice_id, row.subscription_id];
    if (attempts >= this.options.maxAttempts) {
      await this.db.query(
        `UPDATE deliveries SET state = 'failed', attempts = $3, last_status = $4, finished_at = now(), lease_until = NULL
         WHERE notice_id = $1 AND subscription_id = $2`,
        [...ids, attempts, status],
      );
      this.options.log('send-failed', { endpoint: label, notice: row.key, status, attempts });
      return 'failed';
    }
    const delay = retryDelay(attempts, retryAfter, this.options.baseDelayMs, this.options.maxDelayMs);
    await this.db.query(
      `UPDATE deliveries SET state = 'pending', attempts = $3, last_status = $4, sender = NULL, lease_until = NULL,
              next_attempt = now() + make_interval(secs => $5)
       WHERE notice_id = $1 AND subscription_id = $2`,
      [...ids, attempts, status, delay / 1000],
    );
    this.options.log('send-retry', { endpoint: label, notice: row.key, status, attempts, delayMs: delay });
    return 'retried';
  }
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
