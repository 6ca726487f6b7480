/**
 * From a feed to notices: which items are new since the service last looked, which of them
 * make a notice (a current urgent notice; an upcoming event), and the message each subscriber
 * language gets. A notice is a translation group: one notification per reader, in their
 * language when the feed has it.
 *
 * Everything happens in one transaction: the items are marked seen, the notices made and their
 * deliveries queued together, so a crash leaves either all of it or none (and a restart reads
 * the feed again and finds the same items new).
 */
import { createHash } from 'node:crypto';
import type { FeedMeta, Item } from '../../packages/core/src/model';
import type { PollSummary } from '../../packages/core/src/poll';
import { parseFeed } from '../../packages/core/src/parse';
import { itemPath } from '../../packages/core/src/paths';
import { PUSH_FORMAT, PUSH_MAX_BYTES, type PushMessage } from '../../packages/core/src/push-message';
import { displayTitle, excerpt } from '../../packages/core/src/text';
import { pickLanguage, translationGroups } from '../../packages/core/src/translations';
import { eventState } from '../../packages/core/src/event-state';
import { hasEvent, startMs } from '../../packages/core/src/event-time';
import type { Sql } from './db';
import { LANGUAGES, type Language } from '../../packages/core/src/languages';
import { isSimplified } from '../../packages/core/src/traditional';
import { toTraditional } from '../../packages/core/src/to-traditional';
import { eventLine, noticeTitle } from './text';

/** What one read of the feed made: the push service's `POST /poll` answers it. */
export type IngestResult = PollSummary;

interface Candidate {
  kind: 'urgent' | 'event';
  items: Item[];
  topics: string[];
  expiresAt: number | null;
}

/**
 * Reads one feed document (its text or value) fetched from `feedUrl` at `now` (ms), and makes
 * the notices of what is new. The first document of a feed only records its items: a service
 * started on a live feed does not announce the feed's whole history.
 */
export async function ingestFeed(
  sql: Sql,
  feedUrl: string,
  document: unknown,
  now: number,
): Promise<IngestResult> {
  const parsed = parseFeed(document, { baseUrl: feedUrl, receivedAt: now });
  if (!parsed.ok) throw new Error(`The feed cannot be read: ${parsed.error}`);
  const raw = rawItems(document);

  return sql.transaction(async (tx) => {
    const [{ count }] = (await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM feed_items WHERE feed_url = $1',
      [feedUrl],
    )) as [{ count: number }];
    const ids = parsed.items.map((item) => item.id);
    // Every id of this read is marked seen now (retention.ts forgets only ids that left the
    // feed); those inserted by this statement (xmax 0) are the new ones.
    const fresh = new Set(
      (
        await tx.query<{ id: string; inserted: boolean }>(
          `INSERT INTO feed_items (feed_url, id) SELECT DISTINCT $1, unnest($2::text[])
           ON CONFLICT (feed_url, id) DO UPDATE SET seen_at = now() RETURNING id, (xmax = 0) AS inserted`,
          [feedUrl, ids],
        )
      )
        .filter((row) => row.inserted)
        .map((row) => row.id),
    );
    await tx.query(
      `INSERT INTO feed_state (feed_url, read_at) VALUES ($1, now())
       ON CONFLICT (feed_url) DO UPDATE SET read_at = now()`,
      [feedUrl],
    );
    const result: IngestResult = { fresh: fresh.size, notices: [], cancelled: 0, baseline: count === 0 };

    if (parsed.retractions.length > 0) {
      // A notice withdrawn before it reached everyone goes no further: what waits in the queue,
      // and what a sender has claimed but not yet marked `sending` (send.ts checks the claim).
      const cancelled = await tx.query(
        `UPDATE deliveries SET state = 'expired', finished_at = now(), lease_until = NULL
         WHERE state IN ('pending', 'claimed') AND notice_id IN (SELECT id FROM notices WHERE feed_url = $1 AND item_ids && $2::text[])
         RETURNING notice_id`,
        [feedUrl, parsed.retractions],
      );
      result.cancelled = cancelled.length;
    }
    if (result.baseline || fresh.size === 0) return result;

    for (const candidate of candidates(parsed.items, fresh, now)) {
      const messages = Object.fromEntries(
        LANGUAGES.map((lang) => [lang, message(candidate, lang, parsed.meta, raw)]),
      ) as Record<Language, Omit<PushMessage, 'notice'>>;
      const key = noticeKey(feedUrl, candidate);
      const [notice] = await tx.query<{ id: number }>(
        `INSERT INTO notices (key, feed_url, kind, item_ids, topics, messages, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING RETURNING id`,
        [
          key,
          feedUrl,
          candidate.kind,
          candidate.items.map((item) => item.id),
          candidate.topics,
          JSON.stringify(messages),
          candidate.expiresAt === null ? null : new Date(candidate.expiresAt),
        ],
      );
      if (!notice) continue;
      const deliveries =
        candidate.kind === 'urgent'
          ? await tx.query(
              `INSERT INTO deliveries (notice_id, subscription_id)
               SELECT $1, id FROM subscriptions WHERE urgent ON CONFLICT DO NOTHING RETURNING subscription_id`,
              [notice.id],
            )
          : await tx.query(
              `INSERT INTO deliveries (notice_id, subscription_id)
               SELECT $1, id FROM subscriptions
               WHERE events AND (cardinality(topics) = 0 OR topics && $2::text[])
               ON CONFLICT DO NOTHING RETURNING subscription_id`,
              [notice.id, candidate.topics],
            );
      result.notices.push({ key, kind: candidate.kind, deliveries: deliveries.length });
    }
    return result;
  });
}

/** The feed's items as published, by id (the id read as the parser reads it). */
function rawItems(document: unknown): Map<string, unknown> {
  const value: unknown = typeof document === 'string' ? JSON.parse(document) : document;
  const items = (value as { items?: unknown }).items;
  const out = new Map<string, unknown>();
  if (!Array.isArray(items)) return out;
  for (const item of items as unknown[]) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string' || typeof id === 'number' || typeof id === 'boolean')
      out.set(String(id), item);
  }
  return out;
}

/**
 * The notices among the fresh items: translation groups (the core's rule) none of whose items
 * were known before (a translation published later is no news), holding a current urgent
 * notice or an event still to come (the core's event state: not cancelled, not postponed).
 */
export function candidates(items: Item[], fresh: ReadonlySet<string>, now: number): Candidate[] {
  const groups = translationGroups(items);
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (const start of items) {
    const name = groups.groupOf(start.id)!;
    if (seen.has(name) || !fresh.has(start.id)) continue;
    seen.add(name);
    const group = groups.members(start.id);
    if (group.some((item) => !fresh.has(item.id))) continue;

    const urgent = group.filter((item) => item.urgent && (!item.expires || Date.parse(item.expires) > now));
    if (urgent.length > 0) {
      const ends = urgent.map((item) => (item.expires ? Date.parse(item.expires) : null));
      out.push({
        kind: 'urgent',
        items: urgent,
        topics: [],
        expiresAt: ends.includes(null) ? null : Math.max(...(ends as number[])),
      });
      continue;
    }
    const events = group.filter(hasEvent).filter((item) => {
      const state = eventState(item.event, now);
      return state === 'upcoming' || state === 'moved-online';
    });
    if (events.length > 0) {
      out.push({
        kind: 'event',
        items: events,
        topics: [...new Set(events.flatMap((item) => item.tags))],
        // No news once it has begun.
        expiresAt: Math.min(...events.map((item) => startMs(item.event))),
      });
    }
  }
  return out;
}

/** A notice's stable name: the same group of the same feed always gets the same one (the push Topic). */
function noticeKey(feedUrl: string, candidate: Candidate): string {
  const ids = candidate.items.map((item) => item.id).sort();
  // base64url and at most 32 characters, as the Web Push `Topic` header wants.
  return createHash('sha256')
    .update(JSON.stringify([feedUrl, candidate.kind, ids]))
    .digest('base64url')
    .slice(0, 32);
}

/** The message for readers of `lang`: the group's item in their language, cut to fit a push. */
function message(
  candidate: Candidate,
  lang: Language,
  meta: FeedMeta,
  raw: Map<string, unknown>,
): Omit<PushMessage, 'notice'> {
  const item = pickLanguage(candidate.items, lang, meta.language)[0]!;
  // A Traditional reader of an item published in Simplified only reads it converted, as the
  // app shows it; the item itself goes to the device as published.
  const words =
    lang === 'zh-Hant' && isSimplified(item.language ?? meta.language)
      ? toTraditional
      : (text: string) => text;
  const title = words(displayTitle(item));
  const base = {
    v: PUSH_FORMAT,
    kind: candidate.kind,
    lang,
    title: noticeTitle(candidate.kind, title, lang).slice(0, 300),
    body: words(candidate.kind === 'event' ? eventLine(item, lang, meta) : excerpt(item, 140)).slice(0, 600),
    path: itemPath(item),
    ...(meta.timezone ? { timezone: meta.timezone } : {}),
  } as const;
  return fitToPush(base, raw.get(item.id));
}

// What a message may lose to fit, in order: the body, then everything a notification and an
// item page can do without.
const DROPS: readonly (readonly string[])[] = [
  ['content_html', 'content_text'],
  ['summary', 'attachments', 'authors', 'author', 'banner_image', 'image', 'external_url'],
];

/** The message with as much of `item` as fits a push message (`PUSH_MAX_BYTES`), and `partial` if cut. */
export function fitToPush(
  base: Omit<PushMessage, 'notice' | 'item'>,
  item: unknown,
): Omit<PushMessage, 'notice'> {
  // The notice's id is added at sending; 64 characters are kept for it.
  const size = (value: object) => Buffer.byteLength(JSON.stringify(value)) + 80;
  if (item === undefined) return base;
  let current = { ...base, item };
  if (size(current) <= PUSH_MAX_BYTES) return current;
  let trimmed = { ...(item as Record<string, unknown>) };
  for (const fields of DROPS) {
    trimmed = Object.fromEntries(Object.entries(trimmed).filter(([name]) => !fields.includes(name)));
    current = { ...base, item: trimmed, partial: true };
    if (size(current) <= PUSH_MAX_BYTES) return current;
  }
  // Still too long (a vast event): the notification alone; a tap reads the item from the feed.
  return base;
}
