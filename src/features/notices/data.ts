/**
 * The urgent notices' route data and actions, over src/data/notices.ts. A finished sync
 * revalidates every query, so a notice a sync stores, changes or retracts shows or leaves.
 */
import { query, revalidate } from '@solidjs/router';
import { currentNotices, dismissNotice, markAnnounced, type Notice } from '../../data/notices';

/** Current urgent notices the reader has not opened or dismissed (read at the time asked). */
export const urgentNotices = query((at: number) => currentNotices(at), 'urgent-notices');

/** The reader dismissed a notice: every language of it. */
export async function dismiss(notice: Notice): Promise<void> {
  await dismissNotice(notice);
  await revalidate(urgentNotices.key);
}

/** Screen readers heard these notices: not again (the next change of a notice aside). */
export function announced(notices: readonly Notice[]): Promise<void> {
  return markAnnounced(notices);
}
