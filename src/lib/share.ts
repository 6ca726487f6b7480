/**
 * Sharing a link: the system share sheet where the browser has one, otherwise the clipboard.
 * Pure over the `navigator` it is given, so each path is tested without a browser.
 */

/** How a share ended: sent to the share sheet, copied, cancelled by the user, or neither. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/** The parts of `navigator` sharing uses; all optional, as browsers differ. */
export interface ShareNavigator {
  share?: (data: ShareData) => Promise<void>;
  canShare?: (data: ShareData) => boolean;
  clipboard?: { writeText(text: string): Promise<void> };
}

/** Copies text to the clipboard; false where the clipboard is missing or refused. */
export async function copyText(text: string, nav: ShareNavigator = navigator): Promise<boolean> {
  try {
    if (!nav.clipboard) return false;
    await nav.clipboard.writeText(text);
    return true;
  } catch {
    // Insecure context, permission denied, or no user activation.
    return false;
  }
}

/** Offers the link to the share sheet, else copies it. */
export async function shareLink(
  data: { title: string; url: string },
  nav: ShareNavigator = navigator,
): Promise<ShareOutcome> {
  const payload: ShareData = { title: data.title, url: data.url };
  if (nav.share && (!nav.canShare || nav.canShare(payload))) {
    try {
      await nav.share(payload);
      return 'shared';
    } catch (error) {
      // The user closed the sheet: they chose not to share, so nothing more is said or done.
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // NotAllowedError (no user activation, policy) and the like: the clipboard still works.
    }
  }
  return (await copyText(data.url, nav)) ? 'copied' : 'failed';
}
