/**
 * Urgent notices (`_city.urgent` news: a typhoon signal, a closure) as the banner above every
 * screen reads them, and what the reader did with them. Page and worker share this module: a
 * notice stored by a push or a periodic sync shows the next time a page reads it.
 *
 * A notice is one translation group: opening or dismissing it in one language settles it in
 * all of them. A reader who opened or dismissed a notice sees it again only if the publisher
 * changes it afterwards (a new `date_modified`: signal No. 8 raised to No. 10).
 */
import { changedAt, tx, view, type Access, type NoticeState, type StoredItem } from './db';
import type { Item } from '@citylink/core/model';

/** A current urgent notice: its items (one per language the device holds) and its state. */
export interface Notice {
  /** The translation group's urgent items, newest first; the banner shows the reader's. */
  items: Item[];
  /** Ids of the whole group as known: what a dismissal marks. */
  ids: string[];
  /** Whether screen readers already heard it (since its last change). */
  announced: boolean;
  /**
   * Its version: when the publisher last changed it (ms, 0 when undated). Dismissals and
   * announcements record the version they saw, not the device's time, so a device whose clock
   * runs behind the publisher's still settles the notice.
   */
  version: number;
}

/**
 * The urgent notices current at `at` (ms) that the reader has neither opened nor dismissed,
 * newest first. One read of the `by-urgent` index (only urgent items are in it), the reads and
 * the notice states.
 */
export function currentNotices(at: number): Promise<Notice[]> {
  return view(['items', 'reads', 'notices'], async (a) => {
    const urgent = await a.urgentAfter(at);
    if (urgent.length === 0) return [];
    return (await Promise.all(groups(urgent).map((group) => noticeOf(a, group, at)))).filter(
      (notice): notice is Notice => notice !== undefined,
    );
  });
}

/**
 * Urgent items by translation group (links followed both ways), newest group first. Whether a
 * notice is still current is the caller's to say by its clock (`isCurrent`), so that it leaves
 * the screen when it expires, not when the store is next read.
 */
function groups(items: StoredItem[]): StoredItem[][] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const out: StoredItem[][] = [];
  for (const item of [...items].sort((x, y) => y.sortTime - x.sortTime)) {
    if (seen.has(item.id)) continue;
    const group: StoredItem[] = [];
    const queue = [item];
    while (queue.length) {
      const next = queue.pop()!;
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      group.push(next);
      const linked = [...next.links, ...items.filter((o) => o.links.includes(next.id)).map((o) => o.id)];
      for (const id of linked) {
        const other = byId.get(id);
        if (other && !seen.has(id)) queue.push(other);
      }
    }
    out.push(group);
  }
  return out;
}

async function noticeOf(a: Access, group: StoredItem[], at: number): Promise<Notice | undefined> {
  const ids = [...new Set(group.flatMap((item) => [item.id, ...item.links]))];
  const version = group.reduce((newest, item) => Math.max(newest, changedAt(item)), -Infinity);
  const [reads, states] = await Promise.all([
    Promise.all(ids.map((id) => a.get('reads', id))),
    Promise.all(ids.map((id) => a.get('notices', id))),
  ]);
  // Opened (a read, timed by the device) after the change, or at all when the change is dated
  // in the device's future (its clock is behind); dismissed at this version or a later one.
  const opened = reads.some((when) => when !== undefined && (when >= version || version > at));
  const dismissed = states.some((state) => state?.dismissedAt !== undefined && state.dismissedAt >= version);
  const settled = opened || dismissed;
  if (settled) return undefined;
  const announced = states.some((state) => state?.announcedAt !== undefined && state.announcedAt >= version);
  const items = group.map(({ links: _links, urgentUntil: _until, ...item }) => item);
  return { items, ids, announced, version };
}

/**
 * Whether an urgent notice current at `since` has ended by `now` (ms): a screen kept at `since`
 * may show it in its banner (src/sw/snapshot.ts). One read of the `by-urgent` index.
 */
export function noticeEndedSince(since: number, now: number): Promise<boolean> {
  return view(['items'], async (a) =>
    (await a.urgentAfter(since)).some((item) => (item.urgentUntil ?? Infinity) <= now),
  );
}

/** Whether an urgent item is still current at `at` (ms). */
export function isCurrent(item: Pick<Item, 'expires'>, at: number): boolean {
  return !item.expires || Date.parse(item.expires) > at;
}

/** The reader dismissed a notice (every id of its group) at its `version`. */
export function dismissNotice(notice: Pick<Notice, 'ids' | 'version'>): Promise<void> {
  return markNotices(notice.ids, { dismissedAt: notice.version });
}

/** Screen readers heard these notices (at their versions): not again until they change. */
export async function markAnnounced(notices: readonly Pick<Notice, 'ids' | 'version'>[]): Promise<void> {
  for (const notice of notices) await markNotices(notice.ids, { announcedAt: notice.version });
}

function markNotices(ids: readonly string[], change: Omit<NoticeState, 'id'>): Promise<void> {
  return tx(['notices'], async (a) => {
    for (const id of ids) {
      const old = await a.get('notices', id);
      await a.put('notices', { ...old, ...change, id });
    }
  });
}
