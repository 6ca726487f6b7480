/**
 * The app's router: which screen an address shows, moves between screens without a page load,
 * and the browser's history. Route data stays with @solidjs/router's `query`, `createAsync`
 * and `revalidate` (src/state/data.ts); this module replaces only its routing half.
 *
 * Why not @solidjs/router's `<Router>`: issue 10 holds the code the home screen needs before it
 * is interactive to 25 KB brotli, and that router, all of which loads before the first screen
 * hydrates, was 5.7 KB of it, for features this app does not use (nested and optional routes,
 * base paths, hash and memory history, actions and form submission, route preloading on hover,
 * match filters, `<A>`'s computed classes). What the app uses is small and is written here
 * the way that router does it, so behaviour is unchanged (ARCHITECTURE.md "Routing"):
 * - a plain click on a link to this site is taken over: the next screen renders in a
 *   transition (the current screen stays until the next one's code and data are here), and only
 *   then is the history entry added and the page scrolled to the top or the address's #anchor;
 * - every history entry carries its index in the session history (`_depth`), which tells a move
 *   through the history apart from a new entry (src/app/history.ts reads it);
 * - `useBeforeLeave` listeners hear of every move before it renders: an address, or a number
 *   of entries for a move through the history.
 */
import {
  createContext,
  createMemo,
  createSignal,
  onCleanup,
  Show,
  startTransition,
  untrack,
  useContext,
  type Component,
  type JSX,
} from 'solid-js';
import { isServer } from 'solid-js/web';
import { RouterContext as DataContext } from '@solidjs/router';
import { showsKept } from './data';
import { inApp, matchRoute, type RouteDefinition } from './route-match';

export interface RouteSectionProps {
  children?: JSX.Element;
}

export interface NavigateOptions {
  /** Replace the current history entry rather than add one. */
  replace?: boolean;
  /** Scroll to the top (or the address's #anchor) once the screen has rendered. */
  scroll?: boolean;
}

export interface Location {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

/** What a `useBeforeLeave` listener hears: the address to render, or a move of `to` entries through the history. */
export interface LeaveEvent {
  to: string | number;
  options?: NavigateOptions;
  /** The `_depth` of the entry being left. */
  from: number;
  /** The `_depth` of the entry to come: a new one, the one that replaces this one, or the one reached. */
  depth: number;
}

interface Router {
  location: Location;
  params: Record<string, string | undefined>;
  navigate: (to: string, options?: NavigateOptions) => void;
  leaving: Set<(event: LeaveEvent) => void>;
}

const Context = createContext<Router>();

function useRouter(): Router {
  const router = useContext(Context);
  if (!router) throw new Error('The router is used outside <Router>');
  return router;
}

/** The screen's address: path, query and hash. */
export const useLocation = (): Location => useRouter().location;

/** The current route's parameters (`key` of `/news/:key`), encoded as in the address. */
export const useParams = <T extends Record<string, string | undefined>>(): T => useRouter().params as T;

/** Calls `listener` before every move to another screen while the caller is mounted. */
export function useBeforeLeave(listener: (event: LeaveEvent) => void): void {
  const { leaving } = useRouter();
  leaving.add(listener);
  onCleanup(() => leaving.delete(listener));
}

/**
 * The address's query (first value of each name), and a setter that merges names into it
 * (`undefined` or '' removes one) and moves there, without scrolling unless told to.
 */
export function useSearchParams<T extends Record<string, string | undefined>>(): [
  T,
  (params: Partial<T>, options?: NavigateOptions) => void,
] {
  const { location, navigate } = useRouter();
  const query = new Proxy({} as T, {
    get: (_, name) =>
      typeof name === 'string' ? (new URLSearchParams(location.search).get(name) ?? undefined) : undefined,
  });
  const set = (params: Partial<T>, options?: NavigateOptions) => {
    const { pathname, search, hash } = untrack(() => ({ ...location }));
    const merged = new URLSearchParams(search);
    for (const [name, value] of Object.entries(params as Record<string, string | undefined>)) {
      if (value === undefined || value === '') merged.delete(name);
      else merged.set(name, value);
    }
    const query = merged.toString();
    navigate(pathname + (query ? `?${query}` : '') + hash, { scroll: false, ...options });
  };
  return [query, set];
}

/** The index of the window's history entry in the session history, stamped on entries that lack it. */
function stampDepth(): number {
  const state = window.history.state as { _depth?: unknown } | null;
  if (typeof state?._depth === 'number') return state._depth;
  const depth = window.history.length - 1;
  window.history.replaceState({ ...state, _depth: depth }, '');
  return depth;
}

/** Scrolls to the element the hash names, else (when `top`) to the top of the page. */
function scrollToHash(hash: string, top: boolean): void {
  const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (target) target.scrollIntoView();
  else if (top) window.scrollTo(0, 0);
}

/**
 * Renders `root` around the screen of the address: `url` on the server, the window's in the
 * browser, where it follows links and the history from then on.
 */
export function Router(props: {
  root: Component<RouteSectionProps>;
  routes: readonly RouteDefinition[];
  url?: string;
}) {
  const here = () => window.location.pathname + window.location.search + window.location.hash;
  const [address, setAddress] = createSignal(isServer ? (untrack(() => props.url) ?? '/') : here());
  const url = createMemo(() => new URL(address(), 'http://localhost'));
  // One memo per part, so that what follows one part hears only of its changes: a screen's
  // own query (a search typed key by key) changes `search`, and is not a new screen to what
  // follows `pathname` (the heading focus, the route, the notices' re-read).
  const pathname = createMemo(() => url().pathname);
  const search = createMemo(() => url().search);
  const hash = createMemo(() => url().hash);
  const location: Location = {
    get pathname() {
      return pathname();
    },
    get search() {
      return search();
    },
    get hash() {
      return hash();
    },
  };
  const match = createMemo(() => matchRoute(props.routes, location.pathname));
  const route = createMemo(() => match()?.route);
  const currentParams = createMemo(() => match()?.params ?? {}, undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const params = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get: (_, name) => (typeof name === 'string' ? currentParams()[name] : undefined),
    },
  );
  const leaving = new Set<(event: LeaveEvent) => void>();
  /** The window's history entry's `_depth`, to tell how far a move through the history went. */
  let depth = isServer ? 0 : stampDepth();
  /** The address a navigation of the app's own is rendering, until its entry is added. */
  let pending: string | undefined;

  const navigate = (to: string, options: NavigateOptions = {}) => {
    const next = new URL(to, window.location.href);
    const value = next.pathname + next.search + next.hash;
    if (value === untrack(address)) return;
    const event = { to: value, options, from: depth, depth: options.replace ? depth : depth + 1 };
    for (const listener of leaving) listener(event);
    pending = value;
    void startTransition(() => setAddress(value)).then(() => {
      if (pending !== value) return;
      pending = undefined;
      depth = event.depth;
      window.history[options.replace ? 'replaceState' : 'pushState']({ _depth: depth }, '', value);
      scrollToHash(next.hash, options.scroll ?? true);
    });
  };

  if (!isServer) {
    const onPop = () => {
      const before = depth;
      depth = stampDepth();
      if (depth !== before)
        for (const listener of leaving) listener({ to: depth - before, from: before, depth });
      pending = undefined;
      void startTransition(() => setAddress(here()));
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented) return;
      const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
      if (!(link instanceof HTMLAnchorElement) || !link.hasAttribute('href') || !inApp(link, event)) return;
      // A server-rendered page on a device that keeps nothing yet (its first sync failed): the
      // app's screens have nothing to read, the server has the page. The browser loads it.
      if (!showsKept()) return;
      event.preventDefault();
      navigate(link.href);
    };
    window.addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    onCleanup(() => {
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    });
  }

  const router: Router = { location, params, navigate, leaving };
  // @solidjs/router's `query` asks its router's context for a navigator, used only to follow a
  // redirect `Response` a query returns; this app's queries return data, never a Response.
  const forQueries = { navigatorFactory: () => navigate } as unknown as QueryContext;
  return (
    <Context.Provider value={router}>
      <DataContext.Provider value={forQueries}>
        <props.root>
          {/* A new route makes a new screen; a new parameter (another item) updates the screen. */}
          <Show when={route()} keyed>
            {(screen) => <screen.component />}
          </Show>
        </props.root>
      </DataContext.Provider>
    </Context.Provider>
  );
}

type QueryContext = Parameters<typeof DataContext.Provider>[0]['value'];
