import { useSearchParams } from '../../app/router';
import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { NotificationsSection } from './NotificationsSection';

/**
 * "Notify me of new events" on the events list: a button the server renders as it is (the
 * panel starts closed), opening the notification settings with new events chosen, and the
 * list's topic when it is filtered. Nothing is asked of the browser until the reader turns
 * notifications on there.
 */
export function NotifyEvents() {
  const [search] = useSearchParams<{ tag?: string }>();
  const [open, setOpen] = createSignal(false);
  return (
    <div class="notify-events">
      <button
        type="button"
        class="button-secondary"
        aria-expanded={open()}
        aria-controls="notify-events-panel"
        onClick={() => setOpen(!open())}
      >
        {t('push.notifyEvents')}
      </button>
      <div id="notify-events-panel">
        <Show when={open()}>
          <NotificationsSection events topic={search.tag} />
        </Show>
      </div>
    </div>
  );
}
