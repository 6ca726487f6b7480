/**
 * Screens kept for the next visit, and the start on one (ARCHITECTURE.md "Repeat visits").
 *
 * Keeping: once a screen has settled (its title is there, nothing is loading, the page has
 * been still for a moment), `#root`'s markup is kept for its address (src/data/snapshots.ts).
 * The worker then answers the next navigation to that address with the shell holding it
 * (src/sw/snapshot.ts), marked `data-snapshot`.
 *
 * Starting on one: the app renders into a detached root and, once that screen has settled,
 * the detached root takes the place of the snapshot in one step, so the screen is never blank
 * and never says "Loading"; only what differs (newer data, relative times, event states)
 * changes to the eye. Until then the snapshot is markup only: its links are plain links and
 * work as such, and a tap on anything else is held and given to the same control of the app's
 * screen, if it is still the same control.
 */
import { createComponent, createEffect, createRoot, on, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { SNAPSHOT_ATTRIBUTE } from '../data/config';
import { CHANNEL, isBroadcast } from '../data/messages';
import {
  clearSnapshots,
  dropSnapshot,
  invalidateSnapshots,
  SNAPSHOT_MAX_CHARS,
  writeSnapshot,
} from '../data/snapshots';
import { loadMore, locale, t } from '../i18n';
import { storedSettings } from '../lib/settings';
import { yieldToMain } from '../lib/turns';
import { BUILD, KILL_SWITCH } from '../pwa/build-info';
import { showsKept } from '../state/data';
import { inApp } from '../state/route-match';
import { keepable, NOT_KEPT, settled } from './kept-screen';

/** How long a screen must stay unchanged before it is kept (ms). */
const KEEP_AFTER_QUIET = 400;
/** How long the app's screen must stay unchanged before it replaces the snapshot (ms). */
const SWAP_AFTER_QUIET = 60;
/**
 * The longest a snapshot stays in place waiting for the app's screen to settle (ms): past it, a
 * screen still loading replaces it anyway, as the reader needs controls that work.
 */
const SWAP_DEADLINE = 4000;
/**
 * Controls a held tap is given to once the app's screen is in place. Links too: followed in the
 * snapshot, a link would load a whole page and start the app again; given to the app's link, it
 * is a move inside the app (with its focus on the new screen).
 */
const CONTROLS = 'a[href], button, input, select, textarea, summary, label, [role="button"]';

/** The settings a screen's markup depends on; theme and text size are CSS only. */
function renderKey(): string {
  const { onlyMyLanguage, dataSaver } = storedSettings();
  return JSON.stringify([locale(), onlyMyLanguage, dataSaver]);
}

/** Whether the root holds a snapshot the worker put there. */
function isSnapshot(root: HTMLElement): boolean {
  return root.hasAttribute(SNAPSHOT_ATTRIBUTE);
}

/**
 * Renders the app beside the snapshot in `root` and puts it in the snapshot's place once its
 * screen has settled. Resolves when it has.
 */
export async function startOnSnapshot(root: HTMLElement, code: () => JSX.Element): Promise<void> {
  // Another language or list setting since the snapshots were taken: they are dropped (the app
  // replaces this one as it would anyway).
  if (root.getAttribute(SNAPSHOT_ATTRIBUTE) !== renderKey())
    void clearSnapshots(BUILD).catch(() => undefined);
  const held = holdTaps(root);
  // A signal for tests: from here on a tap on the snapshot waits for the app's screen.
  performance.mark('citylink:taps-held');
  // The snapshot is painted before the app's render takes the main thread.
  await afterNextPaint();
  const next = document.createElement('div');
  next.id = 'root';
  // The app's root, whose parent node Solid keeps for its top-level updates: it is the
  // element that moves into the document, so those updates stay right after the swap.
  render(code, next);
  await whenSettled(next);
  const focus = focusedPath(root);
  root.replaceWith(next);
  held.stop();
  refocus(next, focus);
  held.replay(next);
}

/** Resolves once the browser has painted the next frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves once `root`'s screen has settled and stayed unchanged for a moment, or at the deadline. */
function whenSettled(root: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(deadline);
      resolve();
    };
    const check = () => {
      clearTimeout(quiet);
      if (settled(root)) quiet = setTimeout(done, SWAP_AFTER_QUIET);
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const deadline = setTimeout(done, SWAP_DEADLINE);
    check();
  });
}

/** Where an element is under `root`: the child index at each level. */
function pathOf(root: Element, element: Element): number[] {
  const path: number[] = [];
  for (let at: Element | null = element; at && at !== root; at = at.parentElement) {
    path.unshift(at.parentElement ? [...at.parentElement.children].indexOf(at) : 0);
  }
  return path;
}

/** The element at `path` under `root`, if it is like `like` (same tag and name). */
function atPath(
  root: Element,
  path: readonly number[],
  like: { tag: string; name: string },
): HTMLElement | undefined {
  let at: Element | undefined = root;
  for (const index of path) at = at?.children[index];
  if (!(at instanceof HTMLElement) || at.tagName !== like.tag || nameOf(at) !== like.name) return undefined;
  return at;
}

/** What a control says: its label and text, for telling that two renders show the same control. */
function nameOf(element: Element): string {
  return `${element.getAttribute('aria-label') ?? ''}|${(element.textContent ?? '').trim()}`;
}

interface Place {
  path: number[];
  tag: string;
  name: string;
}

function placeOf(root: Element, element: Element): Place {
  return { path: pathOf(root, element), tag: element.tagName, name: nameOf(element) };
}

/** Where focus is in the snapshot, if it is there (the reader moved it by keyboard before the swap). */
function focusedPath(root: HTMLElement): Place | undefined {
  const focused = document.activeElement;
  return focused && focused !== root && root.contains(focused) ? placeOf(root, focused) : undefined;
}

/** Gives focus to the same control of the app's screen. */
function refocus(root: HTMLElement, place: Place | undefined): void {
  if (place) atPath(root, place.path, place)?.focus({ preventScroll: true });
}

/**
 * Holds taps on the snapshot's controls (which do nothing before the app runs): the latest is
 * given to the same control of the app's screen after the swap, if it is still the same. A tap
 * on a control that has changed (a Save that became Saved) is dropped rather than repeated.
 */
function holdTaps(root: HTMLElement): { stop: () => void; replay: (next: HTMLElement) => void } {
  let latest: (Place & { href?: string }) | undefined;
  const controlOf = (target: EventTarget | null) => {
    const control = target instanceof Element ? target.closest(CONTROLS) : null;
    return control && root.contains(control) ? control : null;
  };
  // Those made before this code ran, which index.html's first script kept (never links).
  for (const target of earlyTaps()) {
    const control = controlOf(target);
    if (control) latest = placeOf(root, control);
  }
  const onClick = (event: MouseEvent) => {
    const control = controlOf(event.target);
    if (!control) return;
    const link = control.closest('a[href]');
    if (link instanceof HTMLAnchorElement && !inApp(link, event)) return;
    // A checkbox or a <details> would change state in the snapshot and again in the app; a link
    // would load a page.
    event.preventDefault();
    latest = { ...placeOf(root, control), href: link instanceof HTMLAnchorElement ? link.href : undefined };
  };
  root.addEventListener('click', onClick, true);
  return {
    stop: () => root.removeEventListener('click', onClick, true),
    replay: (next) => {
      if (!latest) return;
      const same = atPath(next, latest.path, latest);
      if (same) same.click();
      // A link the app's screen no longer has at that place still goes where it said.
      else if (latest.href) window.location.assign(latest.href);
    },
  };
}

/** Where index.html's first script keeps the taps on the snapshot made before this code ran. */
const EARLY_TAPS = 'citylinkTaps';

/**
 * The taps index.html's first script kept, oldest first; it keeps no more once they are taken.
 * Read as the window's own property: named access would give an element of the feed's markup
 * called so.
 */
function earlyTaps(): Element[] {
  const kept = Object.getOwnPropertyDescriptor(window, EARLY_TAPS)?.value as unknown;
  Object.assign(window, { [EARLY_TAPS]: null });
  return Array.isArray(kept) ? kept.filter((tap): tap is Element => tap instanceof Element) : [];
}

/**
 * Keeps each settled screen for the next visit of its address, and drops them all when a
 * setting that changes the markup changes. Started once by the entry point, with the address
 * of its own module (`import.meta.url`): the worker shows only screens its own build's code
 * wrote, and the entry's file name changes with any of the build's code.
 */
export function keepScreens(code: string): void {
  // Only a worker serves them: none in a kill-switch build (which removes every cache) or
  // where the browser has no workers.
  if (KILL_SWITCH || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const written = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Once a new version's worker takes over, this page (about to reload) runs the old code:
  // its screens are not kept for the new version.
  let outdated = false;
  if (navigator.serviceWorker.controller !== null) {
    navigator.serviceWorker.addEventListener('controllerchange', () => (outdated = true), { once: true });
  }
  // Kept once the page has been still for a moment, when the browser is idle: never while the
  // page is being left (serialising a screen then would delay the next page's first paint).
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => requestIdleCallback(() => void (outdated || keep(written, code)), { timeout: 2000 }),
      KEEP_AFTER_QUIET,
    );
  };
  new MutationObserver(schedule).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  // The entry point loads this module after the first screen: that screen may already be still.
  schedule();
  // A retraction (whoever synced): no kept screen may show the item again, even for a moment.
  if ('BroadcastChannel' in window) {
    new BroadcastChannel(CHANNEL).addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isBroadcast(event.data) && event.data.report.removed.length > 0) {
        written.clear();
        void invalidateSnapshots(window.location.origin).catch(() => undefined);
      }
    });
  }
  createRoot(() =>
    createEffect(
      on(
        renderKey,
        () => {
          written.clear();
          void clearSnapshots(BUILD).catch(() => undefined);
        },
        { defer: true },
      ),
    ),
  );
}

/**
 * The one status banner whose truth the next visit knows before any script of the app has run:
 * offline (`navigator.onLine`, which index.html's first script copies to `<html data-offline>`).
 * Every kept screen has it, rendered by the status bar's own component (`OfflineBanner`), so the
 * app's render, with its banner, then replaces the snapshot without moving anything.
 */
async function offlineBanner(): Promise<Element> {
  // Loaded here, not with this module: a start on a snapshot needs none of the status bar's
  // code before the app's render loads it.
  const { OfflineBanner } = await import('../features/status/StatusBar');
  // Its own root, disposed once rendered: the banner is markup to copy, with nothing to update.
  let dispose: (() => void) | undefined;
  const banner = createRoot((done) => {
    dispose = done;
    return createComponent(OfflineBanner, { text: t('status.offline'), kept: true });
  });
  dispose?.();
  return banner as Element;
}

/** Keeps the screen on the page now, if it has settled and may be kept. */
async function keep(written: Map<string, string>, code: string): Promise<void> {
  const root = document.getElementById('root');
  const path = window.location.pathname + window.location.search;
  if (!root || isSnapshot(root) || NOT_KEPT.test(window.location.pathname) || !settled(root)) return;
  // The time of the markup, not of the write: an invalidation in between refuses it.
  const takenAt = Date.now();
  // A server's page on a device that keeps no feed yet: the next visit's app could not render
  // what it shows, and would take the snapshot over with empty lists.
  if (!showsKept()) return;
  const start = performance.now();
  const html = await markup(root);
  const end = performance.now();
  // '' stands for "not kept": no markup is empty, since a settled screen has a heading.
  if ((html ?? '') === written.get(path)) return;
  written.set(path, html ?? '');
  try {
    if (html === undefined) {
      await dropSnapshot(BUILD, window.location.origin, path);
      return;
    }
    await writeSnapshot(BUILD, window.location.origin, {
      path,
      html,
      title: document.title,
      lang: document.documentElement.lang,
      renderKey: renderKey(),
      takenAt,
      code: new URL(code, window.location.href).pathname,
    });
    // A signal for tests and the benchmark: this address's screen is kept, and what it cost.
    performance.measure('citylink:snapshot', { start, end, detail: { path, chars: html.length } });
  } catch {
    // Storage full or unavailable: the next visit starts from the shell, as without snapshots.
    written.delete(path);
  }
}

/**
 * The markup to keep of the screen in `root`, or undefined when it must not come back first:
 * an error or an empty state (the next visit may well have the content), a screen too large,
 * or feed HTML that would not come back the same when parsed again.
 */
async function markup(root: HTMLElement): Promise<string | undefined> {
  const copy = root.cloneNode(true) as HTMLElement;
  // The copy, its trimming and its serialisation each in a task of their own (src/lib/turns.ts):
  // together, for a screen of twenty cards, they made a long task on a slow phone. The copy is
  // detached: nothing changes it meanwhile.
  await yieldToMain();
  if (!keepable(copy)) return undefined;
  // The banner's text is beyond the core catalogue; the status bar has loaded the rest already.
  await loadMore();
  const banner = await offlineBanner();
  copy.querySelector('[data-status-bar]')?.prepend(banner);
  // Feed HTML passed DOMPurify before it reached the DOM, but markup serialised again can parse
  // into something else (mutation XSS): a body is kept only if its markup, sanitized once more,
  // parses back into the very nodes on screen (attributes in any order), i.e. the worker's page
  // will parse it into what DOMPurify accepts.
  const { dataSaver } = storedSettings();
  const bodies = copy.querySelectorAll('[data-feed-html]');
  if (bodies.length > 0) {
    // DOMPurify only where there is feed HTML (item pages): on a list, loading this module and
    // keeping its screen is no long task of DOMPurify's set-up.
    const { sanitizeHtml } = await import('../lib/sanitize');
    for (const prose of bodies) {
      const again = document.createElement('template');
      // A TrustedHTML where the browser has Trusted Types; the template's content is inert.
      again.innerHTML = sanitizeHtml(prose.innerHTML, { noImages: dataSaver }) as string;
      const nodes = again.content.childNodes;
      const same =
        nodes.length === prose.childNodes.length &&
        [...nodes].every((node, index) => node.isEqualNode(prose.childNodes[index] ?? null));
      if (!same) return undefined;
    }
  }
  await yieldToMain();
  const html = copy.innerHTML;
  return html.length <= SNAPSHOT_MAX_CHARS ? html : undefined;
}
