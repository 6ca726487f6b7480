import { lazy, type Component } from 'solid-js';
import { loadMore } from '../i18n';
import { Layout } from './Layout';
import { matchRoute, type RouteDefinition } from '../state/route-match';
import { Router } from '../state/router';

/**
 * A screen loaded with its route: each is its own chunk (all precached, so every screen opens
 * offline), and only the first screen's code is needed before the app is interactive. With it,
 * the interface text beyond the frame's and the home's (`loadMore()`).
 */
function screen<K extends string>(load: () => Promise<Record<K, Component>>, name: K) {
  return lazy(() => Promise.all([load(), loadMore()]).then(([module]) => ({ default: module[name] })));
}

// The home screen shows only the core of the interface text (src/i18n/index.ts): it loads no more.
const NewsList = lazy(() =>
  import('../features/news/NewsList').then((module) => ({ default: module.NewsList })),
);
const Article = screen(() => import('../features/news/Article'), 'Article');
const EventsList = screen(() => import('../features/events/EventsList'), 'EventsList');
const EventPage = screen(() => import('../features/events/EventPage'), 'EventPage');
const ContactsList = screen(() => import('../features/contacts/ContactsList'), 'ContactsList');
const ContactPage = screen(() => import('../features/contacts/ContactPage'), 'ContactPage');
const SavedPage = screen(() => import('../features/saved/SavedPage'), 'SavedPage');
const More = screen(() => import('../features/more/More'), 'More');
const SearchPage = screen(() => import('../features/search/SearchPage'), 'SearchPage');
const NotFound = screen(() => import('./NotFound'), 'NotFound');

/** Every address of the app. Item pages take a slug or an id. */
const ROUTES = [
  { path: ['/', '/news'], component: NewsList },
  { path: '/news/:key', component: Article },
  { path: '/events', component: EventsList },
  { path: '/events/:key', component: EventPage },
  { path: '/contacts', component: ContactsList },
  { path: '/contacts/:key', component: ContactPage },
  { path: '/saved', component: SavedPage },
  { path: '/more', component: More },
  { path: '/search', component: SearchPage },
  { path: '*404', component: NotFound },
] satisfies RouteDefinition[];

/**
 * Loads the code of the screen at `path`. A server-rendered page hydrates only once its
 * screen's code is here, so hydration runs in one go, with nothing left to suspend.
 */
export async function preloadScreen(path: string): Promise<void> {
  await matchRoute(ROUTES, path)?.route.component.preload();
}

/** The app. `url` is the address to render on the server; the browser's otherwise. */
export function App(props: { url?: string }) {
  return <Router root={Layout} routes={ROUTES} url={props.url} />;
}
