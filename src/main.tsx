import './lib/trusted-types'; // first: the Trusted Types default policy, before any other module runs
/**
 * The entry point, and the only place that starts side effects: rendering, the service
 * worker, sync triggers, and keeping `<html lang>`, theme and text size true to the settings
 * (index.html applies the stored ones before the first paint; these keep them in step).
 */
import { createEffect, createRoot } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './app/App';
import { startSyncing } from './features/status/sync-status';
import { startVisit } from './features/saved/data';
import { followDevice, locale } from './i18n';
import { watchInstall } from './pwa/install';
import { followOtherTabs, settings } from './lib/settings';
import { registerWorker } from './pwa/worker';
import './app/styles.css';

createRoot(() => {
  createEffect(() => {
    document.documentElement.lang = locale();
  });
  createEffect(() => {
    const { theme, textSize } = settings();
    const html = document.documentElement;
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

const root = document.getElementById('root');
if (root) {
  // A prerendered item page (scripts/prerender.ts) carries its text for readers without
  // JavaScript; the app renders the same item itself, so the copy goes first. Each screen
  // then sets its own document title (src/app/title.ts).
  root.replaceChildren();
  render(() => <App />, root);
}

watchInstall();
registerWorker();
startSyncing();
