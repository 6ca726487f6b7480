import { Show, type JSX } from 'solid-js';
import { now } from '../../state/clock';
import { useFeedZone } from '../../state/data';
import type { Item } from '@citylink/core/model';
import { t } from '../../i18n';
import { OpenNow } from '../../ui/OpenNow';
import { useZones } from './zones';

/**
 * A contact's lines on a list card, wherever it is listed (Contacts, Saved): open or closed now
 * as its meta (a date says nothing about a place), its role and hours as its text.
 */
export function useContactLines(): { meta: (item: Item) => JSX.Element; text: (item: Item) => string } {
  const zone = useFeedZone();
  const zones = useZones();
  return {
    meta: (item) => (
      <Show when={item.contact?.openingHours}>
        {(spec) => <OpenNow openingHours={spec()} zones={zones(zone())} now={now()} />}
      </Show>
    ),
    text: (item) =>
      [
        item.contact?.role,
        item.contact?.hours && t('time.named', { text: item.contact.hours, zone: zones(zone()).name }),
      ]
        .filter(Boolean)
        .join(' · '),
  };
}
