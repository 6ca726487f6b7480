/**
 * Server rendering and hydration. The build renders each address with the page's language,
 * default settings and the build's clock (src/entry-server.tsx), and the page hydrates that
 * HTML. Hydration must first render exactly what the server did, so everything that depends on
 * the device (the reader's language and settings, the time now, what they read) answers with
 * the render's values until `hydrated()`; then the app switches to the device's and Solid
 * changes only the text that differs.
 */
import {
  createComputed,
  createMemo,
  createRoot,
  createSignal,
  sharedConfig,
  startTransition,
  untrack,
  useTransition,
  type JSX,
} from 'solid-js';
import { isServer } from 'solid-js/web';
import { isLanguage, type Language } from '@citylink/core/languages';
import { turns, yieldToMain } from './turns';

/** What a server render used; written on `#root` as data attributes for the page to read. */
export interface RenderContext {
  locale: Language;
  /** The build's "now", for upcoming/past, open now and relative times. */
  now: number;
  /** The address rendered: hydration applies only at that address. */
  path: string;
  /** The site's origin (`CITYLINK_SITE_URL`), for the links a page shares. */
  origin: string;
}

/** Reads the context a prerendered page was made with; none on the app shell. */
function fromPage(): RenderContext | undefined {
  const data = document.getElementById('root')?.dataset;
  if (!data?.renderLocale || !data.renderNow || !data.renderPath || !data.renderOrigin) return undefined;
  return {
    locale: isLanguage(data.renderLocale) ? data.renderLocale : 'en',
    now: Number(data.renderNow),
    path: data.renderPath,
    origin: data.renderOrigin,
  };
}

let context: RenderContext | undefined = isServer ? undefined : fromPage();
const [isHydrated, setHydrated] = createSignal(!isServer && context === undefined);

/** Whether device state may show: always on the app shell, after hydration on a prerendered page. */
export const hydrated = isHydrated;

// The turn to the device's state is a transition, and Solid (1.x) commits a transition's values
// silently: a computation made while it was pending, outside it (the banner of a sync that failed
// meanwhile), read the render's values then and is not run again at the commit. For a Traditional
// reader the turn waited a second on the conversion, and such a banner kept the page's English.
const [lateTurns, setLateTurns] = createSignal(0);
/** Whether the turn is waiting (on a conversion, a read): from its first run to its commit. */
let turnWaiting = false;
/** Whether anything followed the turn while it waited (`followTurn()`). */
let followed = false;

/**
 * For what must follow the turn to the device's state wherever it was made (the interface's
 * words, src/i18n): a computation that calls this while the turn waits is run again, by an
 * ordinary update, once the turn has committed. At any other time it does nothing, and what
 * runs then (the transition's own runs, its commit, everything after) is not run again.
 */
export function followTurn(): void {
  if (!turnWaiting) return;
  followed = true;
  lateTurns();
}

/** The render's context while the server renders or the page hydrates; afterwards undefined. */
export function rendering(): RenderContext | undefined {
  return isHydrated() ? undefined : context;
}

/** The context of the page being hydrated, if any (for the entry point to decide how to start). */
export function pageContext(): RenderContext | undefined {
  return context;
}

/**
 * Called by the entry point once hydration is done (or when it renders from scratch instead).
 * `takenOver`: when the app renders beside a snapshot of the screen (src/app/snapshot.ts), the
 * page is the app's only once it has replaced the snapshot.
 */
export function markHydrated(takenOver?: Promise<void>): void {
  // A transition: screens that read something new for the device's state (another language's
  // items, say) keep showing what they show until it is there, instead of a loading state.
  // In a task of its own: the end of hydration runs every effect the screen held until then,
  // and the screen's turn to the device's language, zone and clock after it made one long task.
  // Solid's pending flag: set as a transition stops to wait, cleared as it commits, before the
  // commit's effects run (any transition's: a sync's re-read meanwhile counts too).
  const [pending] = useTransition();
  const stopWatching = createRoot((dispose) => {
    createComputed(() => (turnWaiting = pending()));
    return dispose;
  });
  const flipped = yieldToMain()
    .then(() => startTransition(() => setHydrated(true)))
    .then(() => {
      stopWatching();
      turnWaiting = false;
      if (followed) setLateTurns((n) => n + 1);
    });
  void Promise.all([flipped, takenOver]).then(() => {
    // A signal for tests and the benchmark: the app has taken over the page.
    document.documentElement.dataset.hydrated = '';
    performance.mark('citylink:hydrated');
  });
}

/** Controls a held tap is given to again; not links, which the browser followed. */
const TAPPABLE = 'button, [role="button"], summary, label';

/** What Solid's hydration script (src/entry-server.tsx) keeps on `window._$HY`. */
interface HydrationScript {
  /** Clicks and inputs it has kept, with the hydratable element each hit; null once it stops. */
  events?: [Element, Event][] | null;
}

/**
 * Holds the taps on a rendered page that its code cannot handle yet, and returns the function
 * that gives them, once hydration is over, to the controls they hit. Called before `hydrate`.
 *
 * From the first paint, the page's hydration script keeps every click, and while it keeps
 * them Solid's own handler leaves them to its replay (`runHydrationEvents`), which finds no
 * handler: it walks the event's `composedPath()`, empty once an event has been dispatched.
 * So every tap from the first paint to the end of hydration would be lost. Held here are
 * exactly the ones Solid left (those its script kept); each is given to its control again as a
 * new click on the same node, which hydration adopted and which now has its handler.
 */
export function holdTaps(): () => void {
  const script = (window as { _$HY?: HydrationScript })._$HY;
  const held: Element[] = [];
  const hold = (event: Event) => {
    const control = event.target instanceof Element ? event.target.closest(TAPPABLE) : null;
    if (control && script?.events?.some(([, kept]) => kept === event)) held.push(control);
  };
  for (const [, event] of script?.events ?? []) if (event.type === 'click') hold(event);
  // After the script's listener (the page's first script), so it has kept the event already.
  document.addEventListener('click', hold);
  return () => {
    document.removeEventListener('click', hold);
    for (const control of held.splice(0)) {
      if (control.isConnected && !control.matches(':disabled')) (control as HTMLElement).click();
    }
  };
}

/** Server only: the context of the page about to be rendered. */
export function setRenderContext(next: RenderContext): void {
  context = next;
}

/** The attributes that carry a render's context on `#root`. */
export function renderAttributes(ctx: RenderContext): Record<string, string> {
  return {
    'data-render-locale': ctx.locale,
    'data-render-now': String(ctx.now),
    'data-render-path': ctx.path,
    'data-render-origin': ctx.origin,
  };
}

/** The reader's time zone; unknown (undefined) in a server render and the hydration after it. */
export function deviceZone(): string | undefined {
  return rendering() ? undefined : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * `format(...args)`, except while the page hydrates: then '' without calling it, since Solid
 * keeps the server's text and drops the value (see `hydrating`). The arguments are evaluated
 * by the caller either way, so an expression that reads signals for them follows them
 * afterwards. For the Intl formatters above all: the page's first use of Intl loads its data,
 * 60-100 ms on a slow phone, for text that is already on screen.
 */
export function unlessHydrating<A extends unknown[]>(format: (...args: A) => string, ...args: A): string {
  return hydrating() ? '' : format(...args);
}

/**
 * `createMemo` for screens the server renders. On the server a memo is computed once, when it
 * is created, which is before the screen's data has arrived; there this is a plain function.
 */
export function createRenderMemo<T>(fn: () => T, equals?: (a: T, b: T) => boolean): () => T {
  if (isServer) return fn;
  return equals ? createMemo(fn, undefined, { equals }) : createMemo(fn);
}

/**
 * `text` as this page's address reads it: the links the render made to the build's site
 * (`CITYLINK_SITE_URL`) made to this page's own origin. The device resolves the feed's relative
 * links against the address it was read from, so where a build is served at another address (a
 * preview, a mirror) the same item read from the page and from the device differs only there.
 */
export function onThisOrigin(text: string): string {
  const site = isServer ? undefined : context?.origin;
  const here = isServer ? undefined : window.location.origin;
  return site && here && site !== here ? text.replaceAll(`${site}/`, `${here}/`) : text;
}

/** The origin links to this site are made on: the page's own, or the render's while hydrating. */
export function siteOrigin(): string {
  return rendering()?.origin ?? window.location.origin;
}

/**
 * True while the page hydrates what the server rendered. Solid keeps the server's text then and
 * drops whatever value a text expression computes, so a costly one may skip its work (reading
 * its signals all the same, so that it follows them afterwards).
 */
export function hydrating(): boolean {
  return !isServer && sharedConfig.context !== undefined && sharedConfig.context !== null;
}

/**
 * Hydrates `children` in a later turn (src/lib/turns.ts) rather than in the task that hydrates
 * the page, as Solid does for a lazy screen: the server's HTML stays on screen until then, and
 * Solid holds effects (so `hydrated()` too) until every piece has hydrated. A list wraps each
 * card in it, so that twenty cards are not one long task. Anywhere else (the server, a render
 * from scratch, after hydration) the children render at once.
 */
export function HydrateInTurn(props: { children: JSX.Element }): JSX.Element {
  const context = sharedConfig.context;
  if (isServer || !context) return props.children;
  const [ready, setReady] = createSignal(false);
  sharedConfig.count = (sharedConfig.count ?? 0) + 1;
  void turns.run(() => {
    // As lazy() does: the piece, and the insertion of it into its parent, hydrate in the
    // context it was created in. A delegated event during hydration ends hydration (`done`):
    // the piece then renders afresh and replaces the server's HTML.
    if (!sharedConfig.done) sharedConfig.context = context;
    sharedConfig.count = (sharedConfig.count ?? 1) - 1;
    try {
      setReady(true);
    } finally {
      sharedConfig.context = undefined;
    }
  });
  const piece = createMemo(() => (ready() ? untrack(() => props.children) : ''));
  return piece as unknown as JSX.Element;
}
