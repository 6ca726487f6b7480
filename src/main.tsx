/**
 * The entry point, and the only place that starts side effects: rendering, the service
 * worker, sync triggers, and keeping `<html lang>` true.
 */
import { createEffect, createRoot } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './app/App';
import { startSyncing } from './features/status/sync-status';
import { followDevice, locale } from './i18n';
import { watchInstall } from './pwa/install';
import { registerWorker } from './pwa/worker';
import './app/styles.css';

createRoot(() => {
  createEffect(() => {
    document.documentElement.lang = locale();
  });
});
window.addEventListener('languagechange', followDevice);

const root = document.getElementById('root');
if (root) {
  // A prerendered item page (scripts/prerender.ts) carries its text for readers without
  // JavaScript; the app renders the same item itself, so the copy goes first. Its title
  // would stay on every screen after (they set none), so the app's own name comes back.
  root.replaceChildren();
  const appName = document.querySelector<HTMLMetaElement>('meta[name="application-name"]')?.content;
  if (appName) document.title = appName;
  render(() => <App />, root);
}

watchInstall();
registerWorker();
startSyncing();
