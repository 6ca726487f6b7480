import { For, Show } from 'solid-js';
import { t } from '../i18n';
import { holdToast, toasts } from '../lib/toast';
import { Toast, ToastArea } from '../ui/Toast';
import { acceptUpdate, dismissUpdate, updateShown } from './worker';

/**
 * The app's toasts: "Update available · Reload" while a new version waits (it stays until the
 * reader reloads or says "Later", and comes back on the next start), then the confirmations
 * that go by themselves (src/lib/toast.ts), such as "Ready to work offline" after the first
 * install.
 */
export function UpdatePrompt() {
  return (
    <ToastArea count={toasts().length + (updateShown() ? 1 : 0)}>
      <Show when={updateShown()}>
        <Toast
          text={t('pwa.updateAvailable')}
          action={{ label: t('pwa.reload'), run: acceptUpdate }}
          dismiss={{ label: t('pwa.later'), run: dismissUpdate }}
        />
      </Show>
      <For each={toasts()}>
        {(toast) => <Toast text={toast.text()} onHold={(held) => holdToast(toast.id, held)} />}
      </For>
    </ToastArea>
  );
}
