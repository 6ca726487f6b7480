/**
 * Watches the published feed: a conditional GET (ETag / Last-Modified) every `intervalMs`, so
 * an unchanged feed costs a 304. A changed one is read by the app's own parser (ingestFeed) and
 * what is new becomes notices; the sender is woken to deliver them.
 */
import type { Database } from './db';
import type { Log } from './log';
import { ingestFeed, type IngestResult } from './notices';

export interface WatcherOptions {
  feedUrl: string;
  intervalMs: number;
  log: Log;
  /** Called after a poll queued deliveries. */
  onNotices?: (result: IngestResult) => void;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class FeedWatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private current: Promise<IngestResult | 'unchanged' | 'failed'> | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: WatcherOptions,
  ) {}

  /** Polls now, then every interval. */
  start(): void {
    const tick = async () => {
      await this.poll();
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.options.intervalMs);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  /** One conditional read of the feed; concurrent calls share it. */
  poll(): Promise<IngestResult | 'unchanged' | 'failed'> {
    this.current ??= this.read().finally(() => (this.current = undefined));
    return this.current;
  }

  private async read(): Promise<IngestResult | 'unchanged' | 'failed'> {
    const { feedUrl, log } = this.options;
    const doFetch = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      const [state] = await this.db.query<{ etag: string | null; last_modified: string | null }>(
        'SELECT etag, last_modified FROM feed_state WHERE feed_url = $1',
        [feedUrl],
      );
      const headers: Record<string, string> = { Accept: 'application/feed+json, application/json' };
      if (state?.etag) headers['If-None-Match'] = state.etag;
      if (state?.last_modified) headers['If-Modified-Since'] = state.last_modified;
      const response = await doFetch(feedUrl, {
        headers,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      if (response.status === 304) {
        await this.remember(state?.etag ?? null, state?.last_modified ?? null);
        return 'unchanged';
      }
      if (!response.ok) {
        log('feed-failed', { status: response.status });
        return 'failed';
      }
      const text = await response.text();
      const result = await ingestFeed(this.db, feedUrl, text, Date.now());
      // Validators only once the document is stored: a failed read is read again.
      await this.remember(response.headers.get('ETag'), response.headers.get('Last-Modified'));
      log('feed-read', {
        fresh: result.fresh,
        notices: result.notices.length,
        deliveries: result.notices.reduce((sum, notice) => sum + notice.deliveries, 0),
        baseline: result.baseline,
        cancelled: result.cancelled,
      });
      if (result.notices.length > 0) this.options.onNotices?.(result);
      return result;
    } catch (error) {
      log('feed-failed', { message: (error as Error).message });
      return 'failed';
    }
  }

  private async remember(etag: string | null, lastModified: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO feed_state (feed_url, etag, last_modified, polled_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (feed_url) DO UPDATE SET etag = $2, last_modified = $3, polled_at = now()`,
      [this.options.feedUrl, etag, lastModified],
    );
  }
}
