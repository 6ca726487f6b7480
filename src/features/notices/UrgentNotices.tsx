import { createSignal } from 'solid-js';
import { later } from '../../ui/later';

// Device state (what the reader dismissed or opened), so loaded once the page has hydrated, in
// turns, as every `later()` component. Its text is beyond the core catalogue (src/i18n/index.ts).
const Banner = later('the urgent notices', () => import('./Banner').then((module) => module.Banner));

/**
 * Urgent notices above every screen (mounted once, by the Layout). The server renders only the
 * empty live region: what a reader dismissed or opened is device state, so the banner comes
 * once the page has hydrated, from IndexedDB, online or not. Its code and styles are a chunk of
 * their own, loaded then (precached, so offline too): the first screen's HTML stays as small.
 */
export function UrgentNotices() {
  const [message, setMessage] = createSignal('');
  const [shown, setShown] = createSignal<number>();
  return (
    <>
      <Banner announce={setMessage} shown={setShown} />
      {/* In the page from the first byte, so that text put in it later is announced, once.
          `data-urgent-shown` counts the notices on screen once the banner has read them (for tests). */}
      <div
        class="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-urgent-announcer
        data-moment-text
        data-urgent-shown={shown()}
      >
        {message()}
      </div>
    </>
  );
}
