import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { now } from '../../app/clock';
import { syncState } from '../../app/data';
import { formatRelative } from '../../lib/format';
import { locale, t } from '../../i18n';
import { createOnlineSignal } from './connectivity';
import { currentFailure, statusLine, type Failure, type StatusLine } from './status-line';
import { storage } from './storage-status';
import { lastReport, refresh, syncing } from './sync-status';

/**
 * Offline banner, where content is kept when that is not this device's storage, "updated N
 * minutes ago", the last sync problem, and the refresh button. The line and the banners never
 * contradict each other (src/features/status/status-line.ts).
 */
export function StatusBar() {
  const online = createOnlineSignal();
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
  /** The latest failure known: this tab's or any context's last report, else the stored state's. */
  const failure = (): Failure | undefined => {
    const report = lastReport();
    if (report) return report.error && { kind: report.error.kind, at: report.finishedAt };
    const stored = state();
    return stored?.lastError && { kind: stored.lastError.kind, at: stored.lastAttempt ?? 0 };
  };
  const problem = () => currentFailure(failure(), lastSuccess());
  // Where nothing can be kept (no IndexedDB), nothing is "saved on this device" to show.
  const memory = () => storage() === 'memory';
  const problemText = (kind: Failure['kind']) =>
    memory() && (kind === 'offline' || kind === 'timeout' || kind === 'http')
      ? t(`syncErrorMemory.${kind}`)
      : t(`syncError.${kind}`);
  const line = () => statusLine({ online: online(), lastSuccess: lastSuccess(), failure: failure() });

  return (
    <div class="status" role="region" aria-label={t('status.label')}>
      <Show when={!online()}>
        <p class="banner offline" role="status">
          {memory() ? t('status.offlineMemory') : t('status.offline')}
        </p>
      </Show>
      <Show when={memory()}>
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
          <button type="button" class="button-quiet" onClick={() => window.location.reload()}>
            {t('pwa.reload')}
          </button>
        </p>
      </Show>
      <Show when={online() && problem()}>
        {(error) => (
          <p class="banner warn" role="status">
            {problemText(error().kind)}
          </p>
        )}
      </Show>
      <div class="status-line">
        {/* Not live: it changes with the clock, and would be read out every half minute. */}
        <span>
          {/* A function of the line, language and clock: the text follows all three. */}
          {lineText(line(), now())}
        </span>
        <button
          type="button"
          class="button-quiet"
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

function lineText(line: StatusLine, now: number): string {
  if (line.kind === 'never') return t('status.neverUpdated');
  if (line.kind === 'updated') return t('status.updated', { when: updatedWhen(line.at, now) });
  return t('status.showingCopy', { when: clockTime(line.at, now) });
}

/** "just now" for the first minute (Intl would say "now", which reads oddly after "Updated"). */
function updatedWhen(when: number, now: number): string {
  return now - when < 60_000 ? t('status.justNow') : formatRelative(when, now, locale());
}

/** The time of day, with the date when it was not today (a copy's age must be plain). */
function clockTime(when: number, now: number): string {
  const sameDay = new Date(when).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(locale(), {
    ...(sameDay ? {} : { dateStyle: 'medium' }),
    timeStyle: 'short',
  }).format(when);
}
