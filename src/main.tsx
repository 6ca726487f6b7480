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
