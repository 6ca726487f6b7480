import { Show } from 'solid-js';
import { t } from '../i18n';
import { acceptUpdate, dismissOfflineReady, offlineReady, updateReady } from './worker';

/** "Update available · Reload" for a waiting version; "Ready to work offline" once, after the first install. */
export function UpdatePrompt() {
  return (
    <div class="toast-area" role="status" aria-live="polite">
      <Show when={updateReady()}>
        <div class="toast">
          <span>{t('pwa.updateAvailable')}</span>
          <button type="button" onClick={acceptUpdate}>
            {t('pwa.reload')}
          </button>
        </div>
      </Show>
      <Show when={offlineReady() && !updateReady()}>
        <div class="toast">
          <span>{t('pwa.offlineReady')}</span>
          <button type="button" onClick={dismissOfflineReady}>
            {t('pwa.dismiss')}
          </button>
        </div>
      </Show>
    </div>
  );
}
