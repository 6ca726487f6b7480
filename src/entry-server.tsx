/**
 * The server entry, loaded by the build (build/prerender.ts) in Node with IndexedDB from
 * fake-indexeddb: the feed of the build is stored with the app's own sync, and each address is
 * rendered by the app's own components, reading the data layer as they do in the browser.
 */
import { generateHydrationScript, renderToStringAsync, type RequestEvent } from 'solid-js/web';
import { provideRequestEvent } from 'solid-js/web/storage';
import { App, preloadScreen } from './app/App';
import { preloadFrame } from './app/Layout';
import type { SyncReport } from './data/messages';
import { syncFeed } from './data/sync';
import type { Item } from '@citylink/core/model';
import { loadLanguages } from './i18n';
import { calendarFile, calendarFilePath, contactFile, contactFilePath } from './lib/item-files';
import { renderAttributes, setRenderContext, type RenderContext } from './lib/hydration';
import { sanitizeOver } from './lib/sanitize';

// Every page of the build is rendered in its own language: all catalogues, before any render.
await loadLanguages();

export type { RenderContext };
export { renderAttributes };
/** Feed HTML is sanitized by the same DOMPurify rules on the server, over a window the build gives (jsdom's). */
export { sanitizeOver };

/**
 * Stores the build's feed (its pages read through `fetch`) in this process's database; the
 * app's own first-sync page limit unless `maxPages` says.
 */
export function storeFeed(
  feedUrl: string,
  fetch: typeof globalThis.fetch,
  now: number,
  maxPages?: number,
): Promise<SyncReport> {
  return syncFeed({ feedUrl, fetch, now: () => now, maxPages });
}

/** A screen rendered at one address: what the page's head and `#root` get. */
export interface RenderedScreen {
  /** The HTML of the app's `#root`. */
  html: string;
  /** The script hydration needs in the head. */
  hydrationScript: string;
  /** The document's title, as the screen sets it in the app (src/state/title.ts). */
  title: string;
  /** The screen's own name in that title; none for a screen titled by the app's name alone. */
  name: string | undefined;
}

/** Renders the app at one address, in the context's language. */
export async function renderScreen(ctx: RenderContext): Promise<RenderedScreen> {
  setRenderContext(ctx);
  // The screen's code first, so that it renders in this pass rather than after a suspension;
  // and the frame's lazy parts (status bar and line, notices), which the first page rendered
  // (the home) was otherwise written without: its status line then came in after start-up.
  await Promise.all([preloadScreen(ctx.path), preloadFrame()]);
  // The router keeps its query cache on the request event: one per page rendered.
  const event: RequestEvent = {
    request: new Request(new URL(ctx.path, ctx.origin || 'http://localhost')),
    response: { headers: new Headers() },
  };
  const html = await provideRequestEvent(event, () => renderToStringAsync(() => <App url={ctx.path} />));
  const screen = event.screenTitle;
  if (!screen) throw new Error(`${ctx.path}: its screen did not title itself (useDocumentTitle)`);
  return { html, hydrationScript: generateHydrationScript(), title: screen.title(), name: screen.name() };
}

/**
 * The files an item's page links to for readers without JavaScript, made as the app makes them
 * (src/lib/item-files.ts), in the page's language: an event's calendar file and the card files
 * of the contacts written in it; a contact's card file.
 */
export function itemFiles(item: Item, ctx: RenderContext): { path: string; text: string }[] {
  setRenderContext(ctx);
  if (item.contact) return [{ path: contactFilePath(item), text: contactFile(item.contact) }];
  if (!item.event) return [];
  return [
    { path: calendarFilePath(item), text: calendarFile(item, ctx.origin, ctx.now) },
    ...item.event.contacts.flatMap((contact, index) =>
      'inline' in contact ? [{ path: contactFilePath(item, index), text: contactFile(contact.inline) }] : [],
    ),
  ];
}

/** What the build reads back after storing its feed: the same reads the screens make. */
export { allItems, getFeedMeta } from './data/db';
