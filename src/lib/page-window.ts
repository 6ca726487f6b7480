/**
 * Which pages of a list are on screen. Lists show a page and add the next one on demand; past
 * `max` pages, the first one on screen leaves as the next one comes, so the page holds a
 * bounded number of cards however far the reader goes, and the pages that left can come back.
 *
 * Page k starts where page k-1 ended, so only the first page on screen needs its start kept
 * (`anchor`): the others follow from the pages before them, also after a sync moved things.
 * Pure, so the screens' paging is tested without a browser.
 */
import { translationGroups, type Linked } from '@citylink/core/translations';

export interface PageWindow<S> {
  /** Index of the first and last page on screen. */
  first: number;
  last: number;
  /** Where the first page on screen starts. */
  anchor: S;
  /** Where each page that left the top starts, by index (as many as `first`). */
  earlier: readonly S[];
}

/** A list's first page alone. */
export function startWindow<S>(start: S): PageWindow<S> {
  return { first: 0, last: 0, anchor: start, earlier: [] };
}

/**
 * One more page at the end. With more than `max` pages on screen, the first one leaves:
 * `firstEnd` is where it ends, so the page after it can start there.
 */
export function moreWindow<S>(window: PageWindow<S>, max: number, firstEnd: S): PageWindow<S> {
  const last = window.last + 1;
  if (last - window.first + 1 <= max) return { ...window, last };
  return {
    first: window.first + 1,
    last,
    anchor: firstEnd,
    earlier: [...window.earlier, window.anchor],
  };
}

/** The page before the first one on screen comes back; with more than `max`, the last leaves. */
export function earlierWindow<S>(window: PageWindow<S>, max: number): PageWindow<S> {
  if (window.first === 0) return window;
  const first = window.first - 1;
  return {
    first,
    last: window.last - first + 1 > max ? window.last - 1 : window.last,
    anchor: window.earlier[first]!,
    earlier: window.earlier.slice(0, first),
  };
}

/** The indexes of the pages on screen, in order. */
export function pagesOn(window: PageWindow<unknown>): number[] {
  return Array.from({ length: window.last - window.first + 1 }, (_, i) => window.first + i);
}

/**
 * The pages' items as one list. A story shows once: an item is left out when it, or an item of
 * its translation group (`translationGroups()`), is already shown. Pages read at different
 * moments (a sync in between) could otherwise repeat one; pages read together never do.
 */
export function joinPages<T extends Linked>(pages: readonly (readonly T[])[]): T[] {
  const all = pages.flat();
  const groups = translationGroups(all);
  const shown = new Set<number>();
  return all.filter((item) => {
    const group = groups.groupOf(item.id)!;
    if (shown.has(group)) return false;
    shown.add(group);
    return true;
  });
}

/**
 * One step of a list on screen (`current`) towards what it should show (`target`), for lists
 * that take in new cards a few at a time (src/features/shared/pager.ts): `target` up to and
 * including its first item not yet on screen, then the rest of what is on screen, less as many
 * items that are leaving (from the end) as keeps the list its length meanwhile; `target` itself
 * when at most one of its items is missing. Items are compared by identity, as Solid's `<For>`
 * makes a new card for a new object; each step brings exactly one new card.
 */
export function revealStep<T>(current: readonly T[], target: readonly T[]): readonly T[] {
  const on = new Set(current);
  const missing = target.findIndex((item) => !on.has(item));
  if (missing < 0) return target;
  // The last new card comes with the target itself: the cards leaving go with it.
  if (target.slice(missing + 1).every((item) => on.has(item))) return target;
  const head = target.slice(0, missing + 1);
  const inHead = new Set(head);
  const wanted = new Set(target);
  const rest = current.filter((item) => !inHead.has(item));
  let over = head.length + rest.length - Math.max(current.length, target.length);
  for (let i = rest.length - 1; i >= 0 && over > 0; i--) {
    if (wanted.has(rest[i]!)) continue;
    rest.splice(i, 1);
    over--;
  }
  return [...head, ...rest];
}

/**
 * A page read again, with the items of the page read before (`before`) that did not change in
 * their place (same id, and `same` value: by default, the same JSON), so that `<For>` keeps their
 * cards as they are and only those of changed items are made again.
 */
export function keepUnchanged<P extends { items: { id: string }[] }>(
  before: P | undefined,
  page: P,
  same: (old: P['items'][number], item: P['items'][number]) => boolean = (old, item) =>
    JSON.stringify(old) === JSON.stringify(item),
): P {
  if (!before) return page;
  const kept = new Map(before.items.map((item) => [item.id, item]));
  const items = page.items.map((item) => {
    const old = kept.get(item.id);
    return old && same(old, item) ? old : item;
  });
  return { ...page, items };
}
