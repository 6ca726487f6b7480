import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { feedMeta, syncState } from '../../state/data';
import { feedUrl } from '../../data/config';
import { localized } from '@citylink/core/translations';
import { formatLocale, locale, t } from '../../i18n';
import { formatMoment } from '@citylink/core/event-time';
import { InstallSection } from '../../pwa/InstallPrompt';
import { AccessibilitySection } from '../settings/AccessibilitySection';
import { SettingsSection } from '../settings/SettingsSection';
import { NotificationsSection } from '../notifications/NotificationsSection';
import { StorageSection } from '../settings/StorageSection';
import { RefreshButton } from '../status/StatusBar';
import { lastReport } from '../status/sync-status';
import { ShareApp } from '../shared/ShareActions';
import { useDocumentTitle } from '../../state/title';

// Whether this build is the demo, whose feed is sample data (build/city.ts defines it).
declare const __CITYLINK_DEMO__: boolean;

/** Settings, storage, the feed in use, about the app and the accessibility statement. */
export function More() {
  const meta = createAsync(() => feedMeta());
  const state = createAsync(() => syncState());
  useDocumentTitle(() => t('more.title'));
  // The device's own time (when it last synced), on the app's one clock format.
  const dateTime = (ms: number) => formatMoment(ms, formatLocale());
  return (
    <section class="page">
      <h1 data-screen-title>{t('more.title')}</h1>
      <SettingsSection />
      <NotificationsSection />
      <StorageSection />
      <h2>{t('more.feed')}</h2>
      <dl class="facts">
        <dt>{t('more.feedName')}</dt>
        {/* In the reader's language where the feed names itself in it; else as it is written. */}
        <dd lang={localized(meta()?.titles, locale()) ? undefined : meta()?.language}>
          {localized(meta()?.titles, locale()) ?? (meta()?.title || '—')}
        </dd>
        <dt>{t('more.feedAddress')}</dt>
        <dd class="break">{feedUrl(window.location.href)}</dd>
        <dt>{t('more.lastSync')}</dt>
        <dd>
          <Show when={state()?.lastSuccess} fallback={t('status.neverUpdated')}>
            {/* JSX, not a string: Show runs this untracked, and the text must follow the language. */}
            {(ms) => <>{dateTime(ms())}</>}
          </Show>
        </dd>
        <Show when={state()?.lastError}>
          {(error) => (
            <>
              <dt>{t('more.lastError')}</dt>
              <dd>
                {t(`syncError.${error().kind}`)} <span class="muted break">{error().detail}</span>
              </dd>
            </>
          )}
        </Show>
      </dl>
      {/* The lists have Refresh on their status line; here, beside when it last worked. */}
      <p>
        <RefreshButton label={t('status.refresh')} />
      </p>
      <Show when={lastReport()?.skipped.length}>
        {(count) => <p class="muted">{t('more.skipped', { count: String(count()) })}</p>}
      </Show>
      <InstallSection />
      <h2>{t('more.about')}</h2>
      <p>{t('more.aboutText')}</p>
      <ShareApp />
      <Show when={__CITYLINK_DEMO__}>
        <p class="notice">{t('app.sampleData')}</p>
      </Show>
      <AccessibilitySection />
    </section>
  );
}
