import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { now } from '../../state/clock';
import { syncState, useFeedZone } from '../../state/data';
import { formatDate } from '../../lib/format';
import { formatRelative } from '../../lib/format-more';
import { pageContext, unlessHydrating } from '../../lib/hydration';
import { formatLocale, t } from '../../i18n';
import { createOnlineSignal } from './connectivity';
import { currentFailure, statusLine, type Failure, type StatusLine as Line } from './status-line';
import { storage } from './storage-status';
import { lastReport, refresh, syncing } from './sync-status';

// Told aloud only after a refresh the reader asked for; a problem has its own banner.
const [asked, setAsked] = createSignal(false);

/** Runs a refresh the reader asked for (its outcome is then told aloud). */
function refreshAsked(): void {
  setAsked(true);
  void refresh();
}

/** The sync's state as the banners and the line read it, so that they never disagree. */
function useSyncStatus() {
  const online = createOnlineSignal();
  const state = createAsync(() => syncState());
  const lastSuccess = () => state()?.lastSuccess;
  /** The latest failure known: this tab's or any context's last report, else the stored state's. */
  const failure = (): Failure | undefined => {
    const report = lastReport();
    if (report) return report.error && { kind: report.error.kind, at: report.finishedAt };
    const stored = state();
    return stored?.lastError && { kind: stored.lastError.kind, at: stored.lastAttempt ?? 0 };
  };
  /**
   * The failure a banner tells, with "Try again": online only (offline has its own banner).
   * Held while a sync runs: gone at the sync's report, the banner whose Try again started it
   * would leave the line's Refresh reading "Refreshing…" for the re-read after it, a second
   * sync to the reader's eye.
   */
  const problem = createMemo<Failure | undefined>((held) =>
    online() ? (syncing() && held) || currentFailure(failure(), lastSuccess()) : undefined,
  );
  /** This device's first copy, when it was kept while this page was open. */
  const firstKept = () => {
    const first = state()?.firstSuccess;
    return first !== undefined && first >= performance.timeOrigin ? first : undefined;
  };
  const line = () =>
    statusLine({
      online: online(),
      lastSuccess: lastSuccess(),
      failure: failure(),
      published: pageContext()?.now,
      firstKept: firstKept(),
    });
  return { online, lastSuccess, problem, line };
}

/**
 * The banners of the whole app's state: offline, where content is kept when that is not this
 * device's storage, and the last sync's problem (with the one action, Try again), each saying
 * what shows instead: what is saved here, or, before anything is, nothing. In the frame, above
 * every screen; the status line is the lists' own (`StatusLine`).
 */
export function StatusBar() {
  const { online, lastSuccess, problem, line } = useSyncStatus();
  const nothingSaved = () => lastSuccess() === undefined;
  // Where nothing can be kept (no IndexedDB), nothing is "saved on this device" to show.
  const memory = () => storage() === 'memory';
  /**
   * What is told aloud: a first copy kept (whoever asked), else the outcome of a refresh the
   * reader asked for ("Up to date" even while the first copy's news still shows).
   */
  const outcome = () => {
    const report = lastReport();
    const answered = asked() && !syncing() && report;
    if (answered && report.outcome === 'unchanged') return t('status.upToDate');
    if (line().kind === 'kept') return t('status.kept');
    return answered && report.outcome === 'updated' ? t('status.newItems') : '';
  };

  return (
    <div class="status" role="region" aria-label={t('status.label')} data-status-bar>
      <Show when={!online()}>
        <OfflineBanner
          text={
            memory()
              ? t('status.offlineMemory')
              : nothingSaved()
                ? t('status.offlineNothingSaved')
                : t('status.offline')
          }
        />
      </Show>
      <Show when={memory()}>
        <p class="banner warn" role="status" data-momentary>
          {t('status.memory')}
        </p>
      </Show>
      <Show when={storage() === 'waiting'}>
        <p class="banner warn" role="status" data-momentary>
          {t('status.waiting')}
        </p>
      </Show>
      <Show when={storage() === 'outdated'}>
        <p class="banner warn" role="status" data-momentary>
          {t('status.outdated')}{' '}
          <button type="button" class="button-quiet" onClick={() => window.location.reload()}>
            {t('pwa.reload')}
          </button>
        </p>
      </Show>
      <Show when={problem()}>
        {(error) => (
          <div class="banner warn banner-action" data-momentary>
            <p role="status">
              {t('status.problem', {
                cause: t(`syncError.${error().kind}`),
                then: memory()
                  ? t('status.memoryShown')
                  : nothingSaved()
                    ? t('status.nothingSaved')
                    : t('status.savedShown'),
              })}
            </p>
            <RefreshButton label={t('status.tryAgain')} />
          </div>
        )}
      </Show>
      <p class="visually-hidden" role="status" data-moment-text>
        {outcome()}
      </p>
    </div>
  );
}

/**
 * The offline banner, the app's and the one every kept screen carries (src/app/snapshot.ts),
 * so that the app's render replaces a snapshot's without moving anything. The live one is of
 * the moment (`data-momentary`: not kept) and announces itself; the kept one (`kept`) is shown
 * by styles.css only when the page loaded offline (`data-if-offline`), and is no live region,
 * as the app's banner that replaces it announces.
 */
export function OfflineBanner(props: { text: string; kept?: boolean }) {
  return (
    <p
      class="banner offline"
      role={props.kept ? undefined : 'status'}
      data-momentary={props.kept ? undefined : ''}
      data-if-offline={props.kept ? '' : undefined}
    >
      {props.text}
    </p>
  );
}

/**
 * The status line of a list (News, Events, Contacts), under its title: what the list shows and
 * how new it is, and Refresh. Not above an item's heading: an item says when it was published.
 * One line of reserved height (styles.css), so that its text can change without moving the list.
 * While a banner above offers "Try again", the line has no button of its own: one action.
 */
export function StatusLine() {
  const { problem, line } = useSyncStatus();
  const zone = useFeedZone();
  return (
    <div class="status-line">
      {/* Not live: it changes with the clock, and would be read out every half minute. */}
      <span data-moment-text>
        {/* A function of the line, language and clock: the text follows all three. */}
        {lineText(line(), now(), zone())}
      </span>
      <Show when={!problem()}>
        <RefreshButton label={t('status.refresh')} />
      </Show>
    </div>
  );
}

/** Refresh (or Try again): asks for a sync now, and tells its outcome aloud. */
export function RefreshButton(props: { label: string }) {
  return (
    <button
      type="button"
      class="button-quiet"
      onClick={refreshAsked}
      // aria-disabled, not disabled: a disabled button drops the keyboard focus it has.
      aria-disabled={syncing()}
    >
      {syncing() ? t('status.refreshing') : props.label}
    </button>
  );
}

function lineText(line: Line, now: number, zone: string): string {
  if (line.kind === 'never') return t('status.neverUpdated');
  if (line.kind === 'kept') return t('status.kept');
  if (line.kind === 'page') {
    // The day the page was made, in the feed's zone: the server knows no other.
    // Not while hydrating, where the server's text stays: the page's first Intl formatter loads
    // its data, 60-100 ms on a slow phone (src/lib/hydration.ts).
    const date = unlessHydrating(formatDate, new Date(line.at).toISOString(), formatLocale(), zone);
    return t('status.page', { date });
  }
  if (line.kind === 'updated') return t('status.updated', { when: ago(line.at, now) });
  return t('status.showingCopy', { when: ago(line.at, now) });
}

/**
 * "just now" for the first minute (Intl would say "now", which reads oddly after "Updated"),
 * then "5 minutes ago": an age needs no zone, where a clock time would need one.
 */
function ago(when: number, now: number): string {
  return now - when < 60_000 ? t('status.justNow') : formatRelative(when, now, formatLocale());
}
