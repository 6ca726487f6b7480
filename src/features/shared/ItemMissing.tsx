import { Show } from 'solid-js';
import { t } from '../../i18n';
import { hydrated } from '../../lib/hydration';
import { LoadingState } from '../../ui/States';
import { NotOnDevice } from '../../ui/NotOnDevice';
import { createOnlineSignal } from '../status/connectivity';
import { lastReport, syncing } from '../status/sync-status';

/**
 * An item page whose item is not stored. On a first visit through a shared link the feed is
 * still on its way: say so while this tab's sync runs (it ends once the screens have re-read
 * IndexedDB), and only then "not on this device", with advice that fits the connection.
 */
export function ItemMissing() {
  const online = createOnlineSignal();
  // Before hydration nothing is known of the device: the server's words, as if online.
  const reason = () => {
    if (hydrated() && !online()) return 'offline';
    return hydrated() && lastReport()?.error ? 'not-loaded' : 'not-in-feed';
  };
  return (
    <Show when={syncing()} fallback={<NotOnDevice reason={reason()} />}>
      <LoadingState label={t('list.loading')} />
    </Show>
  );
}
