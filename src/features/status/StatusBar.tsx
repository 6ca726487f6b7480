import { createAsync } from '@solidjs/router';
import { createConnectivitySignal } from '@solid-primitives/connectivity';
import { createSignal, Show } from 'solid-js';
import { now } from '../../app/clock';
import { syncState } from '../../app/data';
import { formatRelative } from '../../lib/format';
import { locale, t } from '../../i18n';
import { storage } from './storage-status';
import { lastReport, refresh, syncing } from './sync-status';

/**
 * Offline banner, where content is kept when that is not this device's storage, "updated N
 * minutes ago", the last sync problem, and the refresh button.
 */
export function StatusBar() {
  const online = createConnectivitySignal();
  const state = createAsync(() => syncState());

  const lastSuccess = () => state()?.lastSuccess;
  // Told aloud only after a refresh the reader asked for; a problem has its own banner.
  const [asked, setAsked] = createSignal(false);
  const outcome = () => {
    const report = lastReport();
    if (!asked() || syncing() || !report) return '';
    if (report.outcome === 'updated') return t('status.newItems');
    return report.outcome === 'unchanged' ? t('status.upToDate') : '';
  };
  const problem = () => {
    const report = lastReport();
    return report ? report.error : state()?.lastError;
  };

  return (
    <div class="status" role="region" aria-label={t('status.label')}>
      <Show when={!online()}>
        <p class="banner offline" role="status">
          {t('status.offline')}
        </p>
      </Show>
      <Show when={storage() === 'memory'}>
        <p class="banner warn" role="status">
          {t('status.memory')}
        </p>
      </Show>
      <Show when={storage() === 'waiting'}>
        <p class="banner warn" role="status">
          {t('status.waiting')}
        </p>
      </Show>
      <Show when={storage() === 'outdated'}>
        <p class="banner warn" role="status">
          {t('status.outdated')}{' '}
          <button type="button" class="link-button" onClick={() => window.location.reload()}>
            {t('pwa.reload')}
          </button>
        </p>
      </Show>
      <Show when={online() && problem()}>
        {(error) => (
          <p class="banner warn" role="status">
            {t(`syncError.${error().kind}`)}
          </p>
        )}
      </Show>
      <div class="status-line">
        {/* Not live: it changes with the clock, and would be read out every half minute. */}
        <span>
          <Show when={lastSuccess()} fallback={t('status.neverUpdated')}>
            {/* JSX, not a string: Show runs this untracked, and the text must follow language and clock. */}
            {(when) => <>{t('status.updated', { when: updatedWhen(when(), now()) })}</>}
          </Show>
        </span>
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setAsked(true);
            void refresh();
          }}
          // aria-disabled, not disabled: a disabled button drops the keyboard focus it has.
          aria-disabled={syncing()}
        >
          {syncing() ? t('status.refreshing') : t('status.refresh')}
        </button>
      </div>
      <p class="visually-hidden" role="status">
        {outcome()}
      </p>
    </div>
  );
}

/** "just now" for the first minute (Intl would say "now", which reads oddly after "Updated"). */
function updatedWhen(when: number, now: number): string {
  return now - when < 60_000 ? t('status.justNow') : formatRelative(when, now, locale());
}
