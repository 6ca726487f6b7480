import { calendarUrl, readerCalendarLanguage } from '@citylink/core/calendar';
import type { FeedMeta } from '@citylink/core/model';
import { tagLabel } from '@citylink/core/translations';
import { feedUrl } from '../../data/config';
import { siteOrigin } from '../../lib/hydration';
import { locale, t } from '../../i18n';
import { CopyButton } from '../../ui/CopyButton';
import { Icon } from '../../ui/Icon';

/**
 * "Subscribe in your calendar", folded under the upcoming events (a `<details>`, so it opens
 * without JavaScript and is a button to keyboards and screen readers): the calendar the
 * publisher's build writes beside the feed (packages/feed/src/calendars.ts), for the list's
 * topic when it is filtered and in the reader's language when the publisher writes it. The
 * `webcal:` link hands it to the device's calendar app; the https address is there to copy,
 * for calendars that add a subscription by its address (Google Calendar, Outlook on the web).
 */
export function Subscribe(props: { meta: FeedMeta | null | undefined; tag: string | undefined }) {
  const url = () => {
    return calendarUrl(feedUrl(siteOrigin()), {
      tag: props.tag,
      language: readerCalendarLanguage(props.meta?.languages ?? [], locale()),
    });
  };
  return (
    <details class="more-ways subscribe">
      <summary class="button-quiet">
        <Icon name="calendar" size={20} />
        {t('events.subscribe.title')}
      </summary>
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
