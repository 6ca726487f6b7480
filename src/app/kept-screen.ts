/**
 * What of a screen is kept for the next visit (src/app/snapshot.ts keeps it), as rules on its
 * markup alone, so that a test can hold every screen the build renders to them.
 */

/** Addresses whose screen is not kept: search results depend on a typed query and an index. */
export const NOT_KEPT = /^\/search(\/|$)/;
/*
 * What a screen's markup says of itself, each said by the component that renders it (never
 * found by class name, which is styling's):
 * - `data-screen-title`: the screen's title (every screen's h1; a11y.spec.ts fails on a
 *   screen without one). A screen without it never settles, so it is never kept.
 * - `data-state`: `loading`, `empty` or `error` (src/ui/States.tsx).
 * - `data-momentary`: a part that belongs to the moment, not to the screen: a toast, a status
 *   banner (offline, a failed refresh), which may no longer be true at the next visit, the
 *   install offer (one visit's: the next visit's app would take it away again). Dialogs too,
 *   by their element.
 * - `data-moment-text`: text that tells the moment: the status line ("Updated just now" would
 *   be false at the next visit) and the last announcements (the status bar's, an urgent
 *   notice's, which may have been dismissed by then). Emptied, not removed, so the line keeps
 *   its place (its Refresh button holds its height) and the app's text fills it without moving
 *   the screen.
 * - `data-status-bar`: where the kept offline banner goes (StatusBar's `OfflineBanner`).
 * - `data-feed-html`: a body of feed HTML (src/ui/ItemBody.tsx).
 */
const TITLE = '[data-screen-title]';
const LOADING = '[data-state="loading"]';
const MOMENTARY = 'dialog, [data-momentary]';
const MOMENT_TEXT = '[data-moment-text]';

/** A screen has settled: its title is there and nothing on it is loading. */
export function settled(root: ParentNode): boolean {
  return root.querySelector(TITLE) !== null && root.querySelector(LOADING) === null;
}

/**
 * Takes out of `copy`, a copy of a settled screen, what belongs to the moment, and says whether
 * the rest may be kept: not an error or an empty state (the next visit may well have the content).
 */
export function keepable(copy: ParentNode): boolean {
  if (copy.querySelector('main [data-state="error"], main [data-state="empty"]')) return false;
  for (const element of copy.querySelectorAll(MOMENTARY)) element.remove();
  for (const element of copy.querySelectorAll(MOMENT_TEXT)) element.textContent = '';
  return true;
}
