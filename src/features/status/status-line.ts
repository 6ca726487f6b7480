/**
 * What the status line says about the content on screen, so that it never contradicts the
 * banner above it, nor the screen under it:
 * - before this device has kept anything, what shows is the page as the server sent it, so the
 *   line says so, with the date it was published ("Showing this page as published on 7 Dec
 *   2026"), not "Not updated yet" about a page that is as new as the server has;
 * - the first copy this tab keeps is news ("Saved on this device for offline use"), once;
 * - "Updated just now" only while the latest attempt to read succeeded and the device is online;
 *   after a failure (or offline) it says which copy is showing, by its age ("Showing what was
 *   saved 5 minutes ago"), beside the banner that says why.
 * Pure, so it is tested without a page.
 */
import type { SyncErrorKind } from '../../data/db';

/**
 * How long after the first copy was kept a success still counts as that news: a first visit
 * syncs twice within moments (the page's own sync, then the new worker's first).
 */
const FIRST_KEPT_MS = 5 * 60_000;

export type StatusLine =
  | { kind: 'never' }
  | { kind: 'page'; at: number }
  | { kind: 'kept' }
  | { kind: 'updated'; at: number }
  | { kind: 'stale'; at: number };

/** The latest failure known: its kind and when it ended. */
export interface Failure {
  kind: SyncErrorKind;
  at: number;
}

/** The failure to show in a banner: only one newer than the last success is still true. */
export function currentFailure(
  failure: Failure | undefined,
  lastSuccess: number | undefined,
): Failure | undefined {
  if (!failure) return undefined;
  return lastSuccess === undefined || failure.at >= lastSuccess ? failure : undefined;
}

export function statusLine(input: {
  online: boolean;
  lastSuccess: number | undefined;
  failure: Failure | undefined;
  /** When the page on screen was made by the server (its build), if it was. */
  published?: number | undefined;
  /** The success that kept this device's first copy, when it happened while this page was open. */
  firstKept?: number | undefined;
}): StatusLine {
  const { online, lastSuccess, published } = input;
  if (lastSuccess === undefined)
    return published === undefined ? { kind: 'never' } : { kind: 'page', at: published };
  if (!online || currentFailure(input.failure, lastSuccess)) return { kind: 'stale', at: lastSuccess };
  if (input.firstKept !== undefined && lastSuccess - input.firstKept < FIRST_KEPT_MS) return { kind: 'kept' };
  return { kind: 'updated', at: lastSuccess };
}
