import { Show } from 'solid-js';
import { t } from '../../i18n';
import { NotOnDevice } from '../../ui/NotOnDevice';
import { syncing } from '../status/sync-status';

/**
 * An item page whose item is not stored. On a first visit through a shared link the feed is
 * still on its way: say so while this tab's sync runs (it ends once the screens have re-read
 * IndexedDB), and only then "not on this device".
 */
export function ItemMissing() {
  return (
    <Show when={syncing()} fallback={<NotOnDevice />}>
      <p class="muted" role="status">
        {t('list.loading')}
      </p>
    </Show>
  );
}
