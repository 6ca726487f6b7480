import { createAsync, useParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { now } from '../../app/clock';
import { itemAt, itemsById } from '../../app/data';
import { itemPath } from '../../data/paths';
import type { Contact, EventContact } from '../../data/model';
import { displayTitle } from '../../data/text';
import { locale, t } from '../../i18n';
import { formatEventTime, sameOffset, type EventItem } from '../../lib/event-time';
import { downloadText } from '../../lib/download';
import { eventToIcs, icsFileName } from '../../lib/ics';
import { deviceZone, siteOrigin } from '../../lib/hydration';
import { settings } from '../../lib/settings';
import { ContactCard } from '../../ui/ContactCard';
import { Directions } from '../../ui/Directions';
import { DriverView } from '../../ui/DriverView';
import { Icon } from '../../ui/Icon';
import { ItemBody } from '../../ui/ItemBody';
import { LoadingState } from '../../ui/States';
import { OtherLanguages } from '../shared/OtherLanguages';
import { ItemActions } from '../shared/ItemActions';
import { ItemMissing } from '../shared/ItemMissing';
import { StatusBadge } from '../../ui/StatusBadge';
import { itemTitle, useDocumentTitle } from '../../app/title';

/**
 * An event on its own address: when (venue's zone and the viewer's), where, whom to reach. One
 * primary action, on the first screen of a phone: Register while there is a registration, else
 * Add to calendar; the other ways to act are grouped under it.
 */
export function EventPage() {
  const params = useParams<{ key: string }>();
  const item = createAsync(() => itemAt('event', params.key));
  useDocumentTitle(() => itemTitle(item()));
  return (
    <Suspense fallback={<LoadingState label={t('list.loading')} />}>
      <Show when={item() !== undefined}>
        <Show when={item()?.event ? (item() as EventItem) : undefined} fallback={<ItemMissing />}>
          {(found) => <EventDetails item={found()} />}
        </Show>
      </Show>
    </Suspense>
  );
}

function EventDetails(props: { item: EventItem }) {
  const event = () => props.item.event;
  // Unknown in a server render: the page then gives the venue's time only.
  const viewerZone = () => {
    const zone = deviceZone();
    return zone && !event().allDay && !sameOffset(new Date(event().start), event().timezone, zone)
      ? zone
      : undefined;
  };
  const refs = () => event().contacts.flatMap((c: EventContact) => ('ref' in c ? [c.ref] : []));
  const referenced = createAsync(() => itemsById(refs()));
  const contacts = (): Contact[] => [
    ...(referenced() ?? []).flatMap((item) => (item.contact ? [item.contact] : [])),
    ...event().contacts.flatMap((c) => ('inline' in c ? [c.inline] : [])),
  ];

  const addToCalendar = () =>
    downloadText(
      icsFileName(props.item),
      'text/calendar;charset=utf-8',
      eventToIcs(props.item, {
        now: Date.now(),
        appUrl: new URL(itemPath(props.item), siteOrigin()).href,
        labels: {
          postponed: t('events.calendarNote.postponed'),
          movedOnline: t('events.calendarNote.movedOnline'),
        },
      }),
    );

  const calendarButton = (kind: 'button-primary' | 'button-secondary') => (
    <button type="button" class={kind} onClick={addToCalendar}>
      <Icon name="calendar" size={20} />
      {t('events.addToCalendar')}
    </button>
  );

  return (
    <article class="page article">
      <h1 lang={props.item.language}>{displayTitle(props.item)}</h1>
      <OtherLanguages item={props.item} />
      <p class="item-status">
        <StatusBadge status={event().status} />
      </p>
      <dl class="facts">
        <dt>{t('events.when')}</dt>
        <dd>{formatEventTime(event(), locale(), event().timezone)}</dd>
        <Show when={viewerZone()}>
          {(zone) => (
            <>
              <dt>{t('events.yourTime')}</dt>
              <dd>{formatEventTime(event(), locale(), zone())}</dd>
            </>
          )}
        </Show>
        <Show when={event().venue}>
          {(venue) => (
            <>
              <dt>{t('events.venue')}</dt>
              <dd>
                {[venue().name, venue().address].filter(Boolean).join(', ')}
                <Show when={venue().addressLocal}>
                  {(local) => (
                    <span class="local-address" lang="zh-Hans">
                      {local()}
                    </span>
                  )}
                </Show>
              </dd>
            </>
          )}
        </Show>
      </dl>
      <Show when={event().status === 'moved-online'}>
        <p class="notice">{t('events.online')}</p>
      </Show>
      <div class="primary-action">
        <Show when={event().registrationUrl} fallback={calendarButton('button-primary')}>
          {(href) => (
            <a class="button-primary" href={href()} target="_blank" rel="noopener noreferrer">
              <Icon name="register" size={20} />
              {t('events.register')}
            </a>
          )}
        </Show>
      </div>
      <ul class="action-group">
        <Show when={event().registrationUrl}>
          <li>{calendarButton('button-secondary')}</li>
        </Show>
        <Show when={event().venue}>
          {(venue) => (
            <li>
              <Directions place={venue()} class="button-secondary" />
            </li>
          )}
        </Show>
        <Show when={event().venue?.addressLocal}>
          {(local) => (
            <li>
              <DriverView name={event().venue?.name} address={local()} />
            </li>
          )}
        </Show>
      </ul>
      <ItemActions item={props.item} />
      <ItemBody
        html={props.item.contentHtml}
        text={props.item.contentText}
        lang={props.item.language}
        noImages={settings().dataSaver}
      />
      <Show when={contacts().length}>
        <h2>{t('events.contacts')}</h2>
        <For each={contacts()}>
          {(contact) => (
            <ContactCard contact={contact} heading="h3" timeZone={event().timezone} now={now()} boxed />
          )}
        </For>
      </Show>
    </article>
  );
}
