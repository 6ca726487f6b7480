/**
 * What the status line says about the feed, so that it never contradicts the banner above it:
 * "Updated just now" only while the latest attempt to read the feed succeeded and the device is
 * online; after a failure (or offline) it says which copy is showing, by the clock ("Showing the
 * copy from 14:05"), beside the banner that says why. Pure, so it is tested without a page.
 */
import type { SyncErrorKind } from '../../data/db';

export type StatusLine = { kind: 'never' } | { kind: 'updated'; at: number } | { kind: 'stale'; at: number };

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
}): StatusLine {
  const { online, lastSuccess } = input;
  if (lastSuccess === undefined) return { kind: 'never' };
  if (!online || currentFailure(input.failure, lastSuccess)) return { kind: 'stale', at: lastSuccess };
  return { kind: 'updated', at: lastSuccess };
}
