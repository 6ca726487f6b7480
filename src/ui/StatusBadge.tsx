import { Show } from 'solid-js';
import type { EventStatus } from '../data/model';
import { t } from '../i18n';

/** An event's status, shown wherever the event appears unless it simply goes ahead. */
export function StatusBadge(props: { status: EventStatus }) {
  return (
    <Show when={props.status !== 'scheduled'}>
      <span class={`badge badge-${props.status}`}>{t(`events.status.${props.status}`)}</span>
    </Show>
  );
}
