import './lib/trusted-types'; // first: the Trusted Types default policy, before any other module runs
/**
 * The entry point, and the only place that starts side effects: rendering, the service
 * worker, sync triggers, and keeping `<html lang>`, theme and text size true to the settings
 * (index.html applies the stored ones before the first paint; these keep them in step).
 */
import { createEffect, createRoot, onMount } from 'solid-js';
import { hydrate, render } from 'solid-js/web';
import { App, preloadScreen } from './app/App';
import { preloadFrame } from './app/Layout';
import { holdTaps, markHydrated, pageContext } from './lib/hydration';
import { SNAPSHOT_ATTRIBUTE } from './data/config';
import { startSyncing } from './features/status/sync-status';
import { startVisit } from './features/saved/data';
import { followDevice, loadLanguages, locale } from './i18n';
import { followOtherTabs, storedSettings } from './lib/settings';
import { turns, yieldToMain } from './lib/turns';
import './app/styles.css';

createRoot(() => {
  createEffect(() => {
    document.documentElement.lang = locale();
  });
  createEffect(() => {
    const { theme, textSize, dataSaver } = storedSettings();
    const html = document.documentElement;
    html.toggleAttribute('data-saver', dataSaver);
    if (theme === 'system') delete html.dataset.theme;
    else html.dataset.theme = theme;
    html.style.fontSize = textSize === 100 ? '' : `${textSize}%`;
    // The browser's bar takes the colour of the theme in use: each theme-color tag keeps its
    // system query in data-media, and a theme chosen by hand switches one on and the other off.
    for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
      const query = (meta.dataset.media ??= meta.media);
      const scheme = query.includes('dark') ? 'dark' : 'light';
      meta.media = theme === 'system' ? query : theme === scheme ? 'all' : 'not all';
    }
  });
});
window.addEventListener('languagechange', followDevice);
followOtherTabs();
startVisit();

// Start-up comes in tasks of its own (src/lib/turns.ts), so that none is a long task on a slow
// phone while the first sync runs: evaluating the code and the settings above; then loading the
// screen's code and hydrating (start); then starting the sync, at once; then, in turns, what
// comes after the first screen (below).
await yieldToMain();
const root = document.getElementById('root');
if (root) await start(root);
await yieldToMain();
startSyncing();

/**
 * Hydrates a page the build rendered for this address (src/entry-server.tsx), so its content
 * stays on screen and becomes the app; takes over a snapshot of the screen the worker put in
 * the shell; renders from scratch on the empty app shell or on a page rendered for another
 * address (a server's fallback page).
 */
async function start(root: HTMLElement): Promise<void> {
  const page = pageContext();
  if (page && page.path === window.location.pathname) {
    // The page's HTML is its first screen: let the browser paint it before hydration takes the
    // main thread (on a fast connection the code would otherwise arrive before the first paint).
    // The reader's catalogue too, if not the page's: it shows right after hydration.
    await Promise.all([preloadScreen(page.path), loadLanguages(), afterNextPaint()]);
    // Solid holds effects until every lazy screen under the root has hydrated: only then may
    // the device's language, settings and clock show (src/lib/hydration.ts).
    const giveHeldTaps = holdTaps();
    hydrate(() => {
      onMount(() => {
        markHydrated();
        giveHeldTaps();
      });
      return <App />;
    }, root);
  } else if (root.hasAttribute(SNAPSHOT_ATTRIBUTE)) {
    // The worker's shell holds this device's last screen at this address: it stays until the
    // app's own render of it has settled (src/app/snapshot.ts, loaded only on this path).
    const [snapshot] = await Promise.all([import('./app/snapshot'), loadLanguages(), preloadFrame()]);
    markHydrated(snapshot.startOnSnapshot(root, () => <App />));
  } else {
    await Promise.all([loadLanguages(), preloadFrame()]);
    root.replaceChildren();
    markHydrated();
    render(() => <App />, root);
  }
}

/** Resolves once the browser has painted the next frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

// The install offer (kept by index.html's first script until now), the worker's wiring and the
// keeping of screens for the next visit: code the first screen does not need, loaded once it is
// interactive. Each in a turn of its own, after the screen's hydration: each one's evaluation
// and start cost milliseconds on a slow phone.
void turns.run(() => void import('./pwa/install').then((install) => install.watchInstall()));
void turns.run(() => void import('./pwa/worker').then((worker) => worker.registerWorker()));
void turns.run(() => void import('./app/snapshot').then((snapshot) => snapshot.keepScreens(import.meta.url)));
