/**
 * "New since your last visit": the time of the previous visit, kept in localStorage. A visit is
 * a browser session (sessionStorage), so reloading or opening a link within the same session
 * does not reset what counts as new.
 */

const LAST_VISIT = 'citylink.lastVisit';
const SESSION_BASE = 'citylink.visitBase';

/**
 * Records a visit starting at `now` and returns when the previous one started (`undefined` on a
 * first visit, when nothing is "new" because everything is).
 */
export function beginVisit(local: Storage, session: Storage, now: number): number | undefined {
  const kept = session.getItem(SESSION_BASE);
  if (kept !== null) return kept === '' ? undefined : Number(kept);
  const last = Number(local.getItem(LAST_VISIT));
  const previous = Number.isFinite(last) && last > 0 ? last : undefined;
  session.setItem(SESSION_BASE, previous === undefined ? '' : String(previous));
  local.setItem(LAST_VISIT, String(now));
  return previous;
}

/** Whether an item listed at `sortTime` (published, else first stored) came after the previous visit. */
export function isNew(sortTime: number, previousVisit: number | undefined, read: boolean): boolean {
  return !read && previousVisit !== undefined && sortTime > previousVisit;
}
