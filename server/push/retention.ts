/**
 * Retention: what the service keeps, and for how long (docs/push.md "Retention"). Every
 * `PUSH_RETENTION_DAYS` (7 by default) is counted from when a thing stopped mattering:
 *
 * - a delivery, from when it finished (sent, failed, unknown, expired): its row only says what
 *   happened to one message;
 * - a notice, from when it was made, once none of its deliveries waits or is on its way (its
 *   finished deliveries go with it);
 * - an item id the watcher has seen, from the last read of the feed that still held it, counted
 *   against the feed's latest read (a feed unchanged for a month forgets nothing): an id
 *   forgotten while still in the feed would be news again, one that left the feed cannot be.
 *
 * So the database holds the subscriptions plus at most a retention period of deliveries: its
 * size is bounded by the busiest week, not by the service's age. Deletions go in chunks so
 * that no statement holds many locks for long; PostgreSQL reuses the freed space
 * (autovacuum), and PGlite, which has no autovacuum, is vacuumed after a prune.
 */
import type { Database } from './db';
import type { Log } from './log';

export interface Pruned {
  deliveries: number;
  notices: number;
  items: number;
}

const CHUNK = 10_000;

/** Deletes what is older than `days` (see above); returns the counts. */
export async function prune(db: Database, days: number): Promise<Pruned> {
  const chunks = async (sql: string) => {
    let total = 0;
    for (;;) {
      const rows = await db.query(sql, [days, CHUNK]);
      total += rows.length;
      if (rows.length < CHUNK) return total;
    }
  };
  const deliveries = await chunks(
    `DELETE FROM deliveries WHERE ctid IN (
       SELECT ctid FROM deliveries
       WHERE state IN ('sent', 'failed', 'unknown', 'expired') AND finished_at < now() - make_interval(days => $1)
       LIMIT $2)
     RETURNING notice_id`,
  );
  const notices = await chunks(
    `DELETE FROM notices WHERE id IN (
       SELECT id FROM notices n WHERE created_at < now() - make_interval(days => $1)
       AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notice_id = n.id AND d.state IN ('pending', 'claimed', 'sending'))
       LIMIT $2)
     RETURNING id`,
  );
  const items = await chunks(
    `DELETE FROM feed_items WHERE ctid IN (
       SELECT f.ctid FROM feed_items f JOIN feed_state s ON s.feed_url = f.feed_url
       WHERE f.seen_at < s.read_at - make_interval(days => $1) LIMIT $2)
     RETURNING id`,
  );
  if (db.kind === 'embedded' && deliveries + notices + items > 0) await db.query('VACUUM');
  return { deliveries, notices, items };
}

/** Prunes at start and then every `everyMs`; stops with the returned function. */
export function startPruning(db: Database, days: number, everyMs: number, log: Log): () => Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running = prune(db, days)
      .then((pruned) => {
        if (pruned.deliveries + pruned.notices + pruned.items > 0) log('pruned', { ...pruned, days });
      })
      .catch((error: unknown) => log('prune-failed', { message: (error as Error).message }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
