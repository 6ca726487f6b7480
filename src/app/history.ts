/**
 * In-app history, so that the app bar's Back behaves as an app's: it returns to where the reader
 * came from, and a list comes back as they left it (its filter, the pages they had shown, the
 * scroll position and the card they opened). Opened cold from a link, Back goes to the tab's
 * list instead (see `canGoBack`).
 *
 * The browser's own scroll restoration cannot do this: a list shows 20 items and more on demand,
 * so on return the document is shorter than it was until those pages are read again. Here each
 * history entry the reader leaves keeps a memory (in this document only): its scroll position,
 * the card at the top of the screen, the link that had focus, and what each list on it asked to
 * keep (`keepPart`). Coming back to the entry through the history (browser Back, the app bar's
 * Back, a swipe), the list starts with its saved pages (`recallPart`) and the screen scrolls the
 * same card to the same place once it is there again.
 *
 * Entries are told apart by the `_depth` the router stamps on each (its index in the session
 * history) and the address; the router's leave events say the depth of the entry left and of
 * the one to come.
 */
import { keptParts, setRecall } from '../state/history-parts';
import type { LeaveEvent } from '../state/router';

interface EntryMemory {
  scrollY: number;
  /** The first card under the app bar when the reader left: its title link's address and its top. */
  anchor?: { href: string; top: number };
  /** The address of the card link that had focus (the one the reader followed), if any. */
  focus?: string;
  /** What the screen's lists keep, by name. */
  parts: Map<string, unknown>;
}

const memories = new Map<string, EntryMemory>();
/** The index of this document's first history entry: entries after it are the app's own. */
let startDepth: number | undefined;
/** How the current entry was reached. Only a return through the history restores anything. */
let arrival: 'load' | 'push' | 'pop' = 'load';
/** Stops a restore still waiting for its card. */
let stopRestore: (() => void) | undefined;
/**
 * The address on screen. Kept rather than read from the window: by the time the router hears
 * of a move through the history, the window's address is already the next entry's.
 */
let currentPath = '';
/** The depth of the entry being reached (the router renders a new screen before it adds the entry). */
let arriving = 0;

function key(depth: number, path: string): string {
  return `${depth} ${path}`;
}

function depth(): number | undefined {
  const state = window.history.state as { _depth?: unknown } | null;
  return typeof state?._depth === 'number' ? state._depth : undefined;
}

/** The key of the entry the window is at (right after a move through the history). */
function entryKey(): string {
  return key(depth() ?? 0, window.location.pathname + window.location.search);
}

/**
 * Called once the app runs in the browser (the router has stamped the first entry by then). This
 * module is loaded after the first screen (src/app/Layout.tsx): it starts at the entry shown then.
 */
export function startHistory(): void {
  setRecall((name) => (arrival === 'pop' ? memories.get(entryKey())?.parts.get(name) : undefined));
  startDepth = depth();
  currentPath = window.location.pathname + window.location.search;
  // The app restores scroll itself; the browser's guess, made while the previous screen is
  // still up, would only make the page jump first.
  window.history.scrollRestoration = 'manual';
}

/**
 * Whether the entry before this one is the app's own (the reader came from a screen of this
 * app, in this document), so Back can return to it; false on a screen opened cold from a link.
 */
export function canGoBack(): boolean {
  const current = depth();
  return startDepth !== undefined && current !== undefined && current > startDepth;
}

/** The app bar's Back: through the history when the previous entry is the app's; true if so. */
export function goBack(): boolean {
  if (!canGoBack()) return false;
  window.history.back();
  return true;
}

/**
 * Before the router leaves the current entry (`to`: an address for a new entry, or one that
 * replaces this one; a number for a move through the history): saves what the screen shows,
 * and notes how the next is reached.
 */
export function leaving({ to, from, depth: next }: Pick<LeaveEvent, 'to' | 'from' | 'depth'>): void {
  const main = document.getElementById('main');
  const memory: EntryMemory = { scrollY: window.scrollY, parts: keptParts() };
  if (main) {
    const top = headerBottom();
    const first = [...main.querySelectorAll<HTMLAnchorElement>('.card-title a[href]')].find(
      (link) => (link.closest('.card') ?? link).getBoundingClientRect().bottom > top,
    );
    if (first) {
      memory.anchor = {
        href: first.getAttribute('href') ?? '',
        top: (first.closest('.card') ?? first).getBoundingClientRect().top,
      };
    }
    const focused = document.activeElement;
    if (focused instanceof HTMLAnchorElement && focused.matches('.card-title a') && main.contains(focused)) {
      memory.focus = focused.getAttribute('href') ?? undefined;
    }
  }
  memories.set(key(from, currentPath), memory);
  arriving = next;
  arrival = typeof to === 'number' ? 'pop' : 'push';
  // A new entry replaces every entry from here on: their memories can never be reached.
  if (arrival === 'push') {
    for (const entry of memories.keys()) if (Number(entry.split(' ')[0]) >= next) memories.delete(entry);
  }
}

/**
 * Called when a navigation has rendered its screen at `path` (path and query): after a return
 * through the history, puts the screen back where the reader left it.
 */
export function arrived(path: string): void {
  stopRestore?.();
  stopRestore = undefined;
  currentPath = path;
  if (arrival !== 'pop') return;
  const memory = memories.get(key(arriving, path));
  const main = document.getElementById('main');
  if (!memory || !main) return;
  stopRestore = restore(memory, main);
}

/** The bottom of the sticky app bar: cards under it are the ones the reader sees. */
function headerBottom(): number {
  return document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
}

/** How long a restore waits for its card to come back (pages are read one after another). */
const WAIT_MS = 3000;

/**
 * Scrolls the remembered card to where it was, as soon as it is on the page again and the page
 * is long enough below it (later pages may still be on their way); without one, or if it never
 * comes, to the remembered offset. Gives way as soon as the reader scrolls, taps or types.
 * Returns a function that stops waiting.
 */
function restore(memory: EntryMemory, main: HTMLElement): () => void {
  const anchor = memory.anchor;
  if (!anchor) {
    window.scrollTo(0, memory.scrollY);
    return () => undefined;
  }
  const find = (href: string | undefined) =>
    href === undefined
      ? undefined
      : [...main.querySelectorAll<HTMLAnchorElement>('.card-title a[href]')].find(
          (link) => link.getAttribute('href') === href,
        );
  let found = false;
  /** True once the card is where it was. */
  const place = (): boolean => {
    const link = find(anchor.href);
    if (!link) return false;
    if (!found) find(memory.focus)?.focus({ preventScroll: true });
    found = true;
    const card = link.closest('.card') ?? link;
    window.scrollBy(0, card.getBoundingClientRect().top - anchor.top);
    return Math.abs(card.getBoundingClientRect().top - anchor.top) < 2;
  };
  const observer = new MutationObserver(() => {
    if (place()) stop();
  });
  const timer = setTimeout(() => {
    stop();
    if (!found) window.scrollTo(0, memory.scrollY);
  }, WAIT_MS);
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of events) window.removeEventListener(type, stop, true);
  }
  if (place()) {
    stop();
    return stop;
  }
  observer.observe(main, { childList: true, subtree: true });
  for (const type of events) window.addEventListener(type, stop, true);
  return stop;
}
