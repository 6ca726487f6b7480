import { createEffect, createSignal, Show, type Component } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { hydrated } from '../../lib/hydration';
import { loadMore } from '../../i18n';
import { turns } from '../../lib/turns';
import type { BannerProps } from './Banner';

/**
 * Urgent notices above every screen (mounted once, by the Layout). The server renders only the
 * empty live region: what a reader dismissed or opened is device state, so the banner comes
 * once the page has hydrated, from IndexedDB, online or not. Its code and styles are a chunk of
 * their own, loaded then (precached, so offline too): the first screen's HTML stays as small.
 */
export function UrgentNotices() {
  const [banner, setBanner] = createSignal<Component<BannerProps>>();
  const [message, setMessage] = createSignal('');
  const [shown, setShown] = createSignal<number>();
  createEffect(() => {
    if (!hydrated() || banner()) return;
    // In turns (src/lib/turns.ts), as `later()` components load: not in the task that ends
    // hydration. Its text is beyond the core catalogue (src/i18n/index.ts).
    void turns.run(() => {
      Promise.all([import('./Banner'), loadMore()]).then(
        ([module]) => void turns.run(() => setBanner(() => module.Banner)),
        // Offline before the chunk was ever cached (no worker yet): the next start tries again.
        (error: unknown) => console.warn('Citylink: the urgent notices could not load.', error),
      );
    });
  });
  return (
    <>
      <Show when={banner()}>
        {(component) => <Dynamic component={component()} announce={setMessage} shown={setShown} />}
      </Show>
      {/* In the page from the first byte, so that text put in it later is announced, once.
          `data-urgent-shown` counts the notices on screen once the banner has read them (for tests). */}
      <div
        class="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-urgent-announcer
        data-urgent-shown={shown()}
      >
        {message()}
      </div>
    </>
  );
}
