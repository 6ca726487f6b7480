/**
 * The page–worker protocol in one place: message types, their payloads, and the broadcast
 * channel on which whoever ran a sync (page or worker) tells every open tab that data changed.
 */
import type { Problem } from '@citylink/core/model';
import type { SyncErrorKind } from './db';

/** Page → worker messages, sent with workbox-window's `messageSW` (answered via MessagePort). */
export const SYNC_REQUEST = 'CITYLINK_SYNC';
/** Page → waiting worker: take over now (the page reloads once on `controlling`). */
export const SKIP_WAITING = 'SKIP_WAITING';

export type PageToWorker = { type: typeof SYNC_REQUEST } | { type: typeof SKIP_WAITING };

/** What a sync did, counted; shown by the page and kept out of the way of the user. */
export interface SyncReport {
  outcome: 'updated' | 'unchanged' | 'failed';
  feedUrl: string;
  pages: number;
  added: number;
  changed: number;
  /** Ids of items stored new or changed by this sync (the search index re-reads these). */
  stored: string[];
  /** Ids of stored items that a retraction removed (the page tells the user about saved ones). */
  removed: string[];
  skipped: Problem[];
  warnings: Problem[];
  error?: { kind: SyncErrorKind; detail: string };
  finishedAt: number;
}

/** Broadcast after every finished sync, so screens can refresh and show its outcome. */
export const SYNC_DONE = 'CITYLINK_SYNC_DONE';
export type Broadcast = { type: typeof SYNC_DONE; report: SyncReport };

/** Name of the BroadcastChannel shared by all tabs and the worker of one origin. */
export const CHANNEL = 'citylink';

/** Tells every tab (and the worker) about a finished sync. */
export function broadcast(message: Broadcast): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(message);
  channel.close();
}

/** Narrows an incoming `message` event's data to our protocol. */
export function isPageToWorker(data: unknown): data is PageToWorker {
  const type = (data as { type?: unknown } | null)?.type;
  return type === SYNC_REQUEST || type === SKIP_WAITING;
}

/** Narrows a BroadcastChannel message to our protocol. */
export function isBroadcast(data: unknown): data is Broadcast {
  return (data as { type?: unknown } | null)?.type === SYNC_DONE;
}
