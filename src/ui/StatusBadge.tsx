import { Show } from 'solid-js';
import { t } from '../i18n';
import type { EventState } from '@citylink/core/event-state';

/**
 * An event's state in words (packages/core/src/event-state.ts), wherever the event appears; `implied` is
 * the state the place already says (a card under "Upcoming"), which would only repeat it.
 */
export function StatusBadge(props: { state: EventState; implied?: EventState }) {
  return (
    <Show when={props.state !== props.implied}>
      <span class={`badge badge-${props.state}`}>{t(`events.state.${props.state}`)}</span>
    </Show>
  );
}
