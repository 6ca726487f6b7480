import { revalidate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { showToast } from '../../lib/toast';
import { IMAGE_CACHE } from '../../data/config';
import { clearCachedContent } from '../../data/db';
import { clearSnapshots } from '../../data/snapshots';
import { locale, t } from '../../i18n';
import { formatBytes } from '../../lib/format-more';
import { refresh } from '../status/sync-status';

async function estimateUsage(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.usage ?? null;
}

/** How much the app stores, and a way to clear cached content while keeping saved items. */
export function StorageSection() {
  const [usage, { refetch }] = createResource(estimateUsage);
  const [busy, setBusy] = createSignal(false);

  const clear = async () => {
    setBusy(true);
    try {
      // Each store on its own: Cache Storage may refuse (a denied origin, a storage fault) while
      // IndexedDB clears, and the reader must still learn what happened and see fresh lists.
      const [content, ...files] = await Promise.allSettled([
        clearCachedContent(),
        ...('caches' in window ? [caches.delete(IMAGE_CACHE), clearSnapshots()] : []),
      ]);
      const failed = [content, ...files].find((result) => result.status === 'rejected');
      if (failed) console.warn('Citylink: clearing cached content failed in part.', failed.reason);
      if (content?.status === 'rejected') showToast(() => t('settings.clearFailed'));
      else if (failed) showToast(() => t('settings.clearedPartly'));
      else showToast(() => t('settings.cleared'));
      await revalidate();
      void refetch();
      // Read the feed again right away; offline, this fails quietly and lists stay empty until online.
      void refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>{t('settings.storage')}</h2>
      <p>
        <Show when={usage() != null} fallback={t('settings.storageUnknown')}>
          {t('settings.storageUsed', { used: formatBytes(usage() ?? 0, locale()) })}
        </Show>
      </p>
      <p id="clear-hint" class="muted hint">
        {t('settings.clearHint')}
      </p>
      <p>
        <button
          type="button"
          class="button-outlined"
          aria-describedby="clear-hint"
          disabled={busy()}
          onClick={() => void clear()}
        >
          {t('settings.clear')}
        </button>
      </p>
    </>
  );
}
