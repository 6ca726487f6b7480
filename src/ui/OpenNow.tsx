import { Show } from 'solid-js';
import { formatLocale, t } from '../i18n';
import { dayIn, formatClock } from '@citylink/core/event-time';
import { createOpenStates } from '../lib/open-state';
import { whoseTime, type Zones } from './whose-time';

/**
 * "Open now · closes 17:30 Jiangmen time (11:30 your time)" for OpenStreetMap hours, told in
 * the place's zone and, where theirs differs, the reader's. The hours are read in a worker
 * (src/lib/open-state.ts); offline before its code was ever kept, the place's hours still show
 * as text, without "open now".
 */
export function OpenNow(props: { openingHours: string; zones: Zones; now: number }) {
  const answers = createOpenStates(
    () => [props.openingHours],
    () => props.now,
    () => props.zones.zone,
  );
  const state = () => answers().get(props.openingHours);
  /** The time of the next change in `zone`, with its weekday when that is not today there. */
  const at = (next: Date, zone: string) => {
    const clock = formatClock(next, formatLocale(), zone);
    if (dayIn(next, zone) === dayIn(new Date(props.now), zone)) return clock;
    return `${new Intl.DateTimeFormat(formatLocale(), { timeZone: zone, weekday: 'short' }).format(next)} ${clock}`;
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
                {whoseTime(
                  props.zones,
                  next(),
                  (zone) => at(next(), zone),
                  (time) =>
                    open().state === 'open' ? t('contacts.closes', { time }) : t('contacts.opens', { time }),
                )}
              </span>
            )}
          </Show>
        </span>
      )}
    </Show>
  );
}
