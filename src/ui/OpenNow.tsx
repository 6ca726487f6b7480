import { createResource, Show } from 'solid-js';
import { locale, t } from '../i18n';
import { hydrated } from '../lib/hydration';

// The opening_hours parser is large; it loads (as its own chunk, kept by the worker once loaded,
// not precached) only when a screen shows hours. Offline before it was ever kept, the place's
// hours still show as text, without "open now".
const loadHours = () => import('../lib/hours').catch(() => undefined);

/** "Open now · closes 17:30" for OpenStreetMap hours, told in the place's zone. */
export function OpenNow(props: { openingHours: string; timeZone: string; now: number }) {
  // Open or closed is the reader's "now": not in a server render or the hydration after it.
  const [hours] = createResource(hydrated, loadHours);
  const state = () => hours()?.openState(props.openingHours, new Date(props.now), props.timeZone);
  const when = (at: Date) => {
    const sameDay = at.getTime() - props.now < 20 * 3600_000;
    return new Intl.DateTimeFormat(locale(), {
      timeZone: props.timeZone,
      hour: 'numeric',
      minute: '2-digit',
      ...(sameDay ? {} : { weekday: 'short' }),
    }).format(at);
  };
  return (
    <Show when={state()?.state !== 'unknown' ? state() : undefined}>
      {(open) => (
        <span class={`open-state ${open().state}`}>
          {open().state === 'open' ? t('contacts.openNow') : t('contacts.closedNow')}
          <Show when={open().nextChange}>
            {(next) => (
              <span class="muted">
                {' · '}
                {open().state === 'open'
                  ? t('contacts.closes', { time: when(next()) })
                  : t('contacts.opens', { time: when(next()) })}
              </span>
            )}
          </Show>
        </span>
      )}
    </Show>
  );
}
