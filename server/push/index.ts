/**
 * The push service as a library, for scripts that may open its database themselves (a
 * PostgreSQL server by `DATABASE_URL`: several processes may share it): read a published feed
 * document once, queue the notices of what is new, and send them. `citylink-feed notify` does
 * not use it: it asks a running service over HTTP (`POST <base>/poll`), so the publisher's
 * command needs none of the service's packages.
 */
import { openDatabase, type DatabaseOptions } from './db';
import { silentLog, type Log } from './log';
import { ingestFeed, type IngestResult } from './notices';
import { Sender, type SendCounts, type SenderOptions, type VapidKeys } from './send';

export { startPushService, type PushService, type ServiceOptions } from './service';
export { generateKeys } from './keys';

export interface NotifyOptions {
  database: DatabaseOptions;
  vapid: VapidKeys;
  /** The feed's public address: relative URLs resolve against it; notices are per feed. */
  feedUrl: string;
  /** The feed document, as text or parsed JSON (e.g. what `citylink-feed build` just wrote). */
  feed: unknown;
  log?: Log;
  sender?: Omit<SenderOptions, 'vapid' | 'log'>;
}

/**
 * Queues the notices of what is new in `feed` and sends everything due, then closes the
 * database. Retries that are not due yet stay queued for the running service (or the next run).
 */
export async function notify(options: NotifyOptions): Promise<{ ingest: IngestResult; sent: SendCounts }> {
  const db = await openDatabase(options.database);
  try {
    const ingest = await ingestFeed(db, options.feedUrl, options.feed, Date.now());
    const sender = new Sender(db, { vapid: options.vapid, log: options.log ?? silentLog, ...options.sender });
    try {
      await sender.recover(false);
      const sent = await sender.drain();
      return { ingest, sent };
    } finally {
      // Its kept-alive connections would hold a one-off script open for a minute.
      await sender.close();
    }
  } finally {
    await db.close();
  }
}
