import { Show } from 'solid-js';
import { calendarUrl, readerCalendarLanguage } from '@citylink/core/calendar';
import type { FeedMeta } from '@citylink/core/model';
import { tagLabel } from '@citylink/core/translations';
import { feedUrl } from '../../data/config';
import { hydrated, siteOrigin } from '../../lib/hydration';
import { locale, t } from '../../i18n';
import { CopyButton } from '../../ui/CopyButton';
import { Icon } from '../../ui/Icon';
import { createOnlineSignal } from '../status/connectivity';

/**
 * "Subscribe in your calendar", folded under the upcoming events (a `<details>`, so it opens
 * without JavaScript and is a button to keyboards and screen readers): the calendar the
 * publisher's build writes beside the feed (packages/feed/src/calendars.ts), for the list's
 * topic when it is filtered and in the reader's language when the publisher writes it. The
 * `webcal:` link hands it to the device's calendar app; the https address is there to copy,
 * for calendars that add a subscription by its address (Google Calendar, Outlook on the web).
 * Both need the network, which a reader offline is told rather than left to find out.
 */
export function Subscribe(props: { meta: FeedMeta | null | undefined; tag: string | undefined }) {
  const url = () => {
    return calendarUrl(feedUrl(siteOrigin()), {
      tag: props.tag,
      language: readerCalendarLanguage(props.meta?.languages ?? [], locale()),
    });
  };
  const online = createOnlineSignal();
  return (
    <details class="subscribe">
      {/* The browser's own open/closed marker, as "Past" has. */}
      <summary>
        <Icon name="calendar" size={20} />
        {t('events.subscribe.title')}
      </summary>
      {/* Before hydration nothing is known of the device: as if online, as the server renders it. */}
      <Show when={hydrated() && !online()}>
        <p class="hint" role="status">
          {t('events.subscribe.offline')}
        </p>
      </Show>
      <p class="muted">
        {props.tag
          ? t('events.subscribe.topicText', { topic: tagLabel(props.meta, props.tag, locale()) })
          : t('events.subscribe.text')}
      </p>
      <a class="button-secondary" href={url().replace(/^https?:/, 'webcal:')}>
        {t('events.subscribe.open')}
      </a>
      <p class="subscribe-address">
        {t('events.subscribe.address')} <span class="break">{url()}</span>
      </p>
      <div class="needs-script">
        <CopyButton
          value={url()}
          label={t('events.subscribe.copy')}
          done={t('events.subscribe.copied')}
          failed={t('events.subscribe.copyFailed')}
        />
      </div>
    </details>
  );
}
