/**
 * A list read a page at a time (src/lib/page-window.ts says which pages are on screen). Each
 * page on screen is one router query, so a finished sync re-reads exactly the pages on screen,
 * in a transition: the list keeps showing until they are all read, then changes in place.
 * Items that did not change keep their identity across re-reads (`keepUnchanged()`), so only the
 * cards whose item changed are made again. Create it under the list's <Suspense>: the first page suspends it.
 */
import { createAsync } from '@solidjs/router';
import {
  createComputed,
  createEffect,
  createMemo,
  createSignal,
  mapArray,
  on,
  onCleanup,
  startTransition,
  untrack,
} from 'solid-js';
import { isServer } from 'solid-js/web';
import { keepPart, recallPart } from '../../state/history-parts';
import { createRenderMemo, onThisOrigin } from '../../lib/hydration';
import { PAGE_SIZE } from '../../data/config';
import { TURN_MS, turns } from '../../lib/turns';
import type { Item } from '@citylink/core/model';
import {
  earlierWindow,
  joinPages,
  keepUnchanged,
  moreWindow,
  pagesOn,
  revealStep,
  startWindow,
  type PageWindow,
} from '../../lib/page-window';

/** A page as a list's loader returns it: items, and where the next page starts (`null`: none). */
export interface Page<S> {
  items: Item[];
  next: S | null;
}

export interface Pager {
  /** The items on screen, in order. */
  items: () => Item[];
  /** Whether a page after the last one on screen exists / one left the top. */
  hasMore: () => boolean;
  hasEarlier: () => boolean;
  /** True while a page asked for is being read. */
  pending: () => boolean;
  /** Adds the next page; resolves with the index (in `items()`) of its first item, -1 if none. */
  more: () => Promise<number>;
  /** Brings back the page before the first one on screen. */
  earlier: () => Promise<void>;
  /** Which pages are on screen: kept when the reader leaves, to come back to (src/app/history.ts). */
  shown: () => PageWindow<unknown>;
}

/** Pages on screen at most: 160 cards, about 1,300 nodes. */
export const MAX_PAGES = 8;

const NONE: Page<never> = { items: [], next: null };

/**
 * The same item, whether read from the page's render or from the device: were the first sync's
 * copy of an item on a page served at another address than the build's own taken for a change,
 * its card would be made again, and the list swapped in over several frames moves (issue 21).
 */
const sameItem = (old: Item, item: Item) => onThisOrigin(JSON.stringify(old)) === JSON.stringify(item);

export function createPager<S>(options: {
  /** Where the list starts. */
  start: S;
  /** The query that reads the page starting at `start`. */
  load: (start: S) => Promise<Page<S>>;
  /** When this changes (a filter), the list starts again with its first page alone. */
  reset?: () => unknown;
  /** The pages to start with instead of the first alone: those the reader had on screen. */
  initial?: PageWindow<S>;
  max?: number;
}): Pager {
  const max = options.max ?? MAX_PAGES;
  const [onScreen, setOnScreen] = createSignal<PageWindow<S>>(options.initial ?? startWindow(options.start));
  // This list's own wait: Solid's `useTransition` pending is true for any transition at all,
  // such as the re-read after a sync, which must not make the buttons deaf.
  const [pending, setPending] = createSignal(false);
  const start = async (change: () => void) => {
    setPending(true);
    try {
      await startTransition(change);
      await shown.settled();
    } finally {
      setPending(false);
    }
  };
  // Each filter's pages are new pages, not the last filter's read again (see `pages`).
  const [round, setRound] = createSignal(0);
  if (options.reset) {
    createComputed(
      on(
        options.reset,
        () => {
          setRound((n) => n + 1);
          setOnScreen(startWindow(options.start));
        },
        { defer: true },
      ),
    );
  }

  type Loaded = ReturnType<typeof createAsync<Page<S>>>;
  type From = { at: S } | undefined;
  // The pages on screen by index, as a signal: a page follows the one before it as it comes.
  const [loaded, setLoaded] = createSignal(new Map<number, Loaded>(), { equals: false });
  // Made again for each filter: a page read again keeps its cards showing while it is read
  // (`latest` below), but a filter's first page is a new one, which suspends the list in the
  // navigation's transition. So the old list stays whole, and every list on the screen (Events'
  // upcoming and past) changes to the new filter in the same frame.
  const rounds = createMemo(
    on(round, () =>
      createMemo(
        mapArray(
          () => pagesOn(onScreen()),
          (index) => {
            // The first page on screen starts at the anchor, every other where the one before ends.
            // While the one before is being read for the first time, a page keeps its start: it
            // was the first one until a page came back above it, and its start is still right.
            const from = createMemo<From>(
              (previous) => {
                const current = onScreen();
                if (index === current.first) return { at: current.anchor };
                const before = loaded().get(index - 1)?.latest;
                if (!before) return previous;
                return before.next === null ? undefined : { at: before.next };
              },
              undefined,
              { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
            );
            // Not the router's createAsyncStore: its store (solid-js/store) would be code the home
            // screen loads before it is interactive (issue 10), for what keepUnchanged() does here.
            const page = createAsync((before: Page<S> | undefined) => {
              const at = from();
              return at
                ? options.load(at.at).then((read) => keepUnchanged(before, read, sameItem))
                : Promise.resolve(NONE);
            });
            setLoaded((map) => map.set(index, page));
            onCleanup(() => setLoaded((map) => (map.delete(index), map)));
            return page;
          },
        ),
      ),
    ),
  );
  const pages = () => rounds()();

  // `latest`: a page being read again keeps showing; a new one suspends the list (in a
  // transition, so what is on screen stays until it is there).
  const all = createRenderMemo(() => joinPages(pages().map((page) => page.latest?.items ?? [])));
  const shown = inTurns(all, round);
  const items = shown.items;
  const lastPage = () => pages().at(-1)?.latest;

  return {
    items,
    hasMore: () => {
      const last = lastPage();
      return last !== undefined && last.next !== null;
    },
    hasEarlier: () => onScreen().first > 0,
    pending,
    async more() {
      const current = untrack(onScreen);
      const last = untrack(lastPage);
      if (!last || last.next === null) return -1;
      // Where the first page on screen ends: the start of the next one, should the first leave.
      const firstEnd = untrack(() => loaded().get(current.first)?.latest?.next);
      if (firstEnd === undefined || firstEnd === null) return -1;
      await start(() => setOnScreen(moreWindow(current, max, firstEnd)));
      const first = untrack(lastPage)?.items[0];
      return first ? untrack(items).findIndex((item) => item.id === first.id) : -1;
    },
    async earlier() {
      await start(() => setOnScreen(earlierWindow(untrack(onScreen), max)));
    },
    shown: onScreen,
  };
}

/**
 * The list on screen, following `target` a few new cards at a time, in turns
 * (src/lib/turns.ts): a sync that changes every card on screen, or a page more, is not one long
 * task of twenty cards. What was on screen stays meanwhile (`revealStep()`). The steps are
 * not transitions, so a card must not wait on data of its own (the list reads what its cards
 * need, as `useMarks()`), or the list would show its loading state. A list with nothing on
 * screen shows its target at once (a screen's first page, or the server's, which hydrates whole). `settled()`
 * resolves once the list on screen is the target.
 */
function inTurns<T>(
  target: () => T[],
  round: () => number,
): { items: () => T[]; settled: () => Promise<void> } {
  if (isServer) return { items: target, settled: () => Promise.resolve() };
  const [shown, setShown] = createSignal<readonly T[]>(untrack(target));
  // The round of the list on screen: another filter's list comes whole, as a screen's first
  // page does; stepped in among the cards it replaces, it would show frames of both filters.
  let shownRound = round();
  let done: (() => void) | undefined;
  let settled = Promise.resolve();
  // New cards per step, from the time the last step took (cards cost alike on a device).
  let perStep = 1;
  const step = () => {
    const goal = target();
    let next = shown();
    for (let i = 0; i < perStep && next !== goal; i++) next = revealStep(next, goal);
    const started = performance.now();
    setShown(next);
    const spent = performance.now() - started;
    // At most twice as many next time: one quick step on a busy device says little.
    const fit = Math.floor((perStep * TURN_MS) / Math.max(spent, 1));
    perStep = Math.max(1, Math.min(2 * perStep, PAGE_SIZE, fit));
    if (next === target()) {
      done?.();
      done = undefined;
    } else void turns.run(step);
  };
  createEffect(
    on(
      target,
      (next) => {
        if (shownRound !== (shownRound = round()) || untrack(shown).length === 0 || next.length === 0) {
          // A step under way then finds the list at its target, and settles.
          setShown(next);
          return;
        }
        if (done) return; // Already under way: each step looks at the latest target.
        settled = new Promise((resolve) => (done = resolve));
        void turns.run(step);
      },
      { defer: true },
    ),
  );
  const items = createMemo(() => {
    const current = shown();
    // Nothing on screen yet: the target at once, in the same render (no empty state between).
    return (current.length === 0 ? target() : current) as T[];
  });
  return { items, settled: () => settled };
}

/**
 * A pager that comes back as the reader left it: returning to its screen through the history
 * (Back), it starts with the pages that were on screen, so the screen can scroll back to the
 * card the reader saw (src/app/history.ts). `name` tells the screen's lists apart.
 */
export function createRememberedPager<S>(name: string, options: Parameters<typeof createPager<S>>[0]): Pager {
  const pager = createPager<S>({ ...options, initial: recallPart<PageWindow<S>>(name) });
  if (!isServer) onCleanup(keepPart(name, pager.shown));
  return pager;
}
