/**
 * Feed sync: the network feeds IndexedDB and nothing else. Used as is by the page (first visit,
 * before the worker controls it) and by the service worker (start-up, page request, periodic sync).
 */
import {
  changedAt,
  getSyncState,
  isRetracted,
  markForSearch,
  putSyncState,
  toStored,
  tx,
  view,
  type Access,
  type StoredItem,
  type SyncErrorKind,
  type SyncState,
} from './db';
import { broadcast, SYNC_DONE, type SyncReport } from './messages';
import type { FeedMeta, Item } from '@citylink/core/model';
import { FETCH_TIMEOUT_MS, FIRST_SYNC_PAGES } from '@citylink/core/limits';
import { parseFeed } from '@citylink/core/parse';
import { displayTitle } from '@citylink/core/text';

export interface SyncOptions {
  feedUrl: string;
  /** Injected by tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Per request. */
  timeoutMs?: number;
  /** Older pages (`next_url`) followed at most, counting the first. */
  maxPages?: number;
  now?: () => number;
}

class SyncFailure extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Fetches the feed (conditionally), follows older pages until a known item or the page limit,
 * stores each page in one transaction and applies retractions. Never throws: a failure is a
 * report, and whatever was stored before stays stored. Runs one at a time per origin.
 */
export function syncFeed(options: SyncOptions): Promise<SyncReport> {
  return oneAtATime(() => runSync(options));
}

/**
 * `syncFeed()`, unless the last sync of the feed succeeded, less than `freshMs` ago: then none
 * runs and this resolves with `null`. Decided under the sync lock, so a sync running when this is asked
 * (the page's own, on a first visit, when the worker activates) counts once it has ended,
 * rather than the same feed being downloaded a second time behind it.
 */
export function syncUnlessFresh(options: SyncOptions, freshMs: number): Promise<SyncReport | null> {
  const now = options.now ?? Date.now;
  return oneAtATime(async () => {
    const state = await getSyncState(options.feedUrl).catch(() => undefined);
    const fresh = state?.lastSuccess !== undefined && !state.lastError && now() - state.lastSuccess < freshMs;
    return fresh ? null : runSync(options);
  });
}

function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  // Page and worker may both ask at once; the lock lets one run and the other wait its turn.
  return locks ? locks.request('citylink-sync', run) : run();
}

async function runSync(options: SyncOptions): Promise<SyncReport> {
  const now = options.now ?? Date.now;
  const report: SyncReport = {
    outcome: 'unchanged',
    feedUrl: options.feedUrl,
    pages: 0,
    added: 0,
    changed: 0,
    stored: [],
    removed: [],
    skipped: [],
    warnings: [],
    finishedAt: 0,
  };
  const previous: SyncState = (await getSyncState(options.feedUrl).catch(() => undefined)) ?? {
    feedUrl: options.feedUrl,
  };
  const next: SyncState = { ...previous };
  try {
    await fetchPages(options, previous, next, report, now);
    next.lastSuccess = now();
    next.firstSuccess ??= next.lastSuccess;
    delete next.lastError;
    delete next.unfinished;
  } catch (error) {
    const failure = toFailure(error);
    report.outcome = 'failed';
    report.error = { kind: failure.kind, detail: failure.message };
    next.lastError = report.error;
    // Validators are kept only with a complete sync: a half-read feed must be read again.
    if (report.pages > 0) {
      delete next.etag;
      delete next.lastModified;
      next.unfinished = true;
    }
  }
  report.finishedAt = next.lastAttempt = now();
  await putSyncState(next).catch(() => undefined);
  try {
    broadcast({ type: SYNC_DONE, report });
  } catch {
    // No BroadcastChannel (old browser): the caller still gets the report.
  }
  return report;
}

async function fetchPages(
  options: SyncOptions,
  previous: SyncState,
  next: SyncState,
  report: SyncReport,
  now: () => number,
): Promise<void> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxPages = options.maxPages ?? FIRST_SYNC_PAGES;
  const seen = new Set<string>([options.feedUrl]);
  const feedOrigin = new URL(options.feedUrl).origin;
  let url = options.feedUrl;

  for (let page = 0; page < maxPages; page++) {
    const first = page === 0;
    const headers: Record<string, string> = { Accept: 'application/feed+json, application/json' };
    // After a sync that stopped half-way, the feed is read again whatever its validators say.
    const validators = first && !previous.unfinished;
    if (validators && previous.etag) headers['If-None-Match'] = previous.etag;
    if (validators && previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;

    const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
    const response = await request(doFetch, url, headers, timeoutMs);
    if (first && response.status === 304) return;
    if (!response.ok) throw new SyncFailure('http', `HTTP ${response.status} for ${url}`);
    // The timeout covers the body too: a server that sends headers and then stalls, or a
    // connection cut mid-body, is a network failure, never a storage one.
    const text = await response.text().catch((error: unknown) => {
      throw networkFailure(error, url, timeoutMs);
    });

    const parsed = parseFeed(text, { baseUrl: url, receivedAt: now() });
    if (!parsed.ok) throw new SyncFailure('invalid', parsed.error);
    // Before the first of several pages is stored: a sync that never gets to its end (a tab
    // closed mid-way, where no code runs to say so) leaves the mark, with the validators of
    // the last complete sync. Written once per sync, and only for a feed with older pages.
    if (first && parsed.nextUrl && !previous.unfinished) {
      await putSyncState({ ...previous, unfinished: true }).catch((error: unknown) => {
        throw storageFailure(error);
      });
    }
    append(report.skipped, parsed.skipped);
    append(report.warnings, parsed.warnings);

    const stored = await storePage(
      parsed.items,
      parsed.retractions,
      first ? parsed.meta : undefined,
      now(),
    ).catch((error: unknown) => {
      throw storageFailure(error);
    });
    report.pages++;
    report.added += stored.added;
    report.changed += stored.changed;
    append(report.stored, stored.stored);
    append(report.removed, stored.removed);
    if (report.added + report.changed + report.removed.length > 0) report.outcome = 'updated';
    if (first) {
      const etag = response.headers.get('ETag');
      const lastModified = response.headers.get('Last-Modified');
      if (etag) next.etag = etag;
      else delete next.etag;
      if (lastModified) next.lastModified = lastModified;
      else delete next.lastModified;
    }

    if (!parsed.nextUrl) return;
    // Older pages come from the feed's own site only: a page naming another host must not
    // publish under the city's name, nor send readers' devices to a host of its choosing.
    if (new URL(parsed.nextUrl).origin !== feedOrigin) {
      const message = `next_url ${parsed.nextUrl} is not on the feed's own site (${feedOrigin}); it is ignored.`;
      report.warnings.push({ message });
      console.warn(`Citylink: ${message}`);
      return;
    }
    // Paging stops at an item this device holds, unless a sync before stopped half-way: then
    // the older pages it never read may hold items this device does not.
    if ((stored.metKnown && !previous.unfinished) || seen.has(parsed.nextUrl)) return;
    seen.add(parsed.nextUrl);
    url = parsed.nextUrl;
  }
}

/**
 * Adds `more` to the end of `list` one by one: `push(...more)` passes each element as an
 * argument, and a page of 100,000 items overflows a worker's stack (about 63,000 arguments).
 */
function append<T>(list: T[], more: readonly T[]): void {
  for (const value of more) list.push(value);
}

async function request(
  doFetch: typeof fetch,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Response> {
  try {
    // no-store: our own validators decide freshness, and the feed lives in IndexedDB alone.
    return await doFetch(url, { headers, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw networkFailure(error, url, timeoutMs);
  }
}

/** A fetch or body read that failed: out of time, or the network did not carry it. */
function networkFailure(error: unknown, url: string, timeoutMs: number): SyncFailure {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SyncFailure('timeout', `No complete answer from ${url} in ${timeoutMs / 1000} s`);
  }
  return new SyncFailure('offline', `Could not read ${url}: ${String(error)}`);
}

/** A page that IndexedDB (or the in-memory store) refused to keep. */
function storageFailure(error: unknown): SyncFailure {
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  return new SyncFailure(name === 'QuotaExceededError' ? 'storage-full' : 'storage', detail);
}

/** What one page changed, counted. */
interface PageResult {
  metKnown: boolean;
  added: number;
  changed: number;
  stored: string[];
  removed: string[];
}

/**
 * Stores one page and counts what changed. `metKnown` says whether the page held an item
 * already stored, which is where paging stops. What is stored is read first, in a read-only
 * transaction that lists can read beside; then only what changed is written, with the page's
 * retractions and feed facts, in one transaction of requests sent together, not one by one.
 *
 * A retraction is remembered (the `retractions` store): an item this device has seen retracted
 * is not stored again from an older page or a later sync unless it is published again with a
 * later change (see `RetractionMark`).
 */
async function storePage(
  items: Item[],
  retractions: string[],
  meta: FeedMeta | undefined,
  at: number,
): Promise<PageResult> {
  const result: PageResult = { metKnown: false, added: 0, changed: 0, stored: [], removed: [] };
  const { writes, lifted } = await changesOf(items, result);
  return tx(['items', 'feed', 'saved', 'retracted', 'retractions', 'searchPending'], async (t) => {
    await Promise.all([
      ...writes.map((item) => t.put('items', item)),
      ...lifted.map((id) => t.delete('retractions', id)),
    ]);
    // A saved snapshot follows the feed while the feed has the item (a postponed event…).
    const savedIds = new Set(await t.getAllKeys('saved'));
    for (const item of writes) {
      const snapshot = savedIds.has(item.id) ? await t.get('saved', item.id) : undefined;
      if (snapshot) await t.put('saved', { ...snapshot, item });
    }
    for (const id of retractions) {
      // A retraction is the one thing that removes a saved item; the reader is told which.
      const snapshot = savedIds.has(id) ? await t.get('saved', id) : undefined;
      const held = await t.get('items', id);
      const mark = await t.get('retractions', id);
      if (!mark) {
        const version =
          held || snapshot
            ? Math.max(held ? changedAt(held) : 0, snapshot ? changedAt(snapshot.item) : 0)
            : at;
        await t.put('retractions', { id, version, at });
      }
      if (snapshot) {
        await t.delete('saved', id);
        await t.put('retracted', {
          id,
          title: displayTitle(snapshot.item),
          kind: snapshot.item.kind,
          at,
        });
      }
      if (held === undefined) {
        if (snapshot) result.removed.push(id);
        continue;
      }
      await t.delete('items', id);
      result.removed.push(id);
    }
    if (meta) await t.put('feed', meta, 'current');
    await markForSearch(t, [...result.stored, ...result.removed]);
    return result;
  });
}

/**
 * The records of `items` to write (new or changed ones), counted into `result`, and the ids
 * whose remembered retraction a later copy lifts.
 */
async function changesOf(
  items: Item[],
  result: PageResult,
): Promise<{ writes: StoredItem[]; lifted: string[] }> {
  return view(['items', 'retractions'], async (a) => {
    // Retractions are few, and read whole: one request, whatever the page's size.
    const marks = (await a.count('retractions')) > 0 ? await a.getAll('retractions') : [];
    const byId = new Map(marks.map((mark) => [mark.id, mark]));
    const lifted: string[] = [];
    const current = items.filter((item) => {
      const mark = byId.get(item.id);
      if (isRetracted(item, mark)) return false;
      if (mark) lifted.push(item.id);
      return true;
    });
    return { writes: await changesIn(a, current, result), lifted };
  });
}

async function changesIn(a: Access, items: Item[], result: PageResult): Promise<StoredItem[]> {
  const count = await a.count('items');
  // Few requests: none into an empty store (a first sync); the whole store in one request
  // when the page holds much of it (thousands of single reads hold up every other reader).
  let olds: (StoredItem | undefined)[] = [];
  if (count > 0 && items.length * 4 > count) {
    const all = new Map((await a.getAll('items')).map((item) => [item.id, item]));
    olds = items.map((item) => all.get(item.id));
  } else if (count > 0) {
    olds = await Promise.all(items.map((item) => a.get('items', item.id)));
  }
  // Addresses must stay unique: a slug another item owns falls back to the id. An item that
  // keeps its address owns it already; for the others, owners are as the store had them,
  // updated with what this page gives to whom, in feed order.
  const owners = await Promise.all(
    items.map(async (item, i) => {
      const old = olds[i];
      if (count === 0 || (old?.kind === item.kind && old.key === item.key)) return undefined;
      return a.keyFromIndex('items', 'by-kind-key', [item.kind, item.key]);
    }),
  );
  const slot = (item: Item) => `${item.kind}\n${item.key}`;
  const given = new Map<string, string>();
  const seen = new Set<string>();
  const writes: StoredItem[] = [];
  items.forEach((item, i) => {
    const old = olds[i];
    const toStore = toStored(item);
    if (old) {
      result.metKnown = true;
      // An undated item keeps the place it was first given, not the time of this sync.
      if (!item.datePublished && !item.dateModified) toStore.sortTime = old.sortTime;
    }
    const stored = owners[i];
    const owner =
      given.get(slot(toStore)) ?? (stored !== undefined && !seen.has(stored) ? stored : undefined);
    if (owner !== undefined && owner !== toStore.id) toStore.key = toStore.id;
    given.set(slot(toStore), toStore.id);
    seen.add(toStore.id);
    if (!old) result.added++;
    else if (JSON.stringify(old) !== JSON.stringify(toStore)) result.changed++;
    else return;
    writes.push(toStore);
    result.stored.push(toStore.id);
  });
  return writes;
}

/**
 * Every step names its own failure (network, HTTP, feed, storage); anything else is a fault of
 * ours, reported as such rather than blamed on the network or the device.
 */
function toFailure(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  return new SyncFailure('unexpected', error instanceof Error ? error.message : String(error));
}
