import { createAsync } from '@solidjs/router';
import { useParams } from '../../state/router';
import { Index, Match, Show, Suspense, Switch } from 'solid-js';
import { now } from '../../state/clock';
import { itemAt, itemsById, translationsOf } from '../../state/data';
import type { Contact, EventContact, Item } from '@citylink/core/model';
import { displayTitle } from '@citylink/core/text';
import { formatLocale, locale, t } from '../../i18n';
import { languageMatch } from '@citylink/core/translations';
import { convertedTarget } from '@citylink/core/traditional';
import { eventActions, eventState } from '@citylink/core/event-state';
import { eventDay, formatEventTime, zoneName, type EventItem } from '@citylink/core/event-time';
import { downloadText } from '../../lib/download';
import { icsFileName } from '../../lib/ics';
import { calendarFile, calendarFilePath, contactFilePath } from '../../lib/item-files';
import { siteOrigin } from '../../lib/hydration';
import { settings } from '../../lib/settings';
import { placeLine } from '../../lib/place-line';
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
import { otherZone } from '../../ui/whose-time';
import { useZones } from '../shared/zones';
import { useDocumentTitle } from '../../state/title';
import { itemTitle } from '../shared/item-title';
import { ConvertedNote } from '../shared/ConvertedNote';
import { useReadable, type Readable } from '../shared/readable';
import { inScriptOf, readableItems } from '../../data/readable';

/**
 * An event on its own address: its state, when (venue's zone and the reader's), where, whom to
 * reach, and only the actions its state allows (packages/core/src/event-state.ts). One primary action, on
 * the first screen of a phone, chosen by the state; the other ways to act are grouped under it.
 */
export function EventPage() {
  const params = useParams<{ key: string }>();
  const reading = useReadable(() => itemAt('event', params.key));
  const stored = reading.stored;
  const item = reading.item;
  useDocumentTitle(() => itemTitle(item()));
  return (
    <Suspense fallback={<LoadingState label={t('list.loading')} />}>
      <Show when={item() !== undefined}>
        <Show when={item()?.event ? (item() as EventItem) : undefined} fallback={<ItemMissing />}>
          {(found) => (
            <EventDetails
              item={found()}
              stored={(stored() as EventItem | null) ?? found()}
              reading={reading}
            />
          )}
        </Show>
      </Show>
    </Suspense>
  );
}

/**
 * `item` as the reader reads it (converted from Simplified for a reader of Traditional);
 * `stored` as published, for what is not for the reader: the taxi card, Save and Share.
 */
function EventDetails(props: { item: EventItem; stored: EventItem; reading: Readable<Item> }) {
  const event = () => props.item.event;
  const state = () => eventState(event(), now());
  const actions = () => eventActions(event(), state());
  const zones = useZones();
  const venueZones = () => zones(event().timezone);
  /** The reader's time where their zone tells another; '' while it is unknown (a server render). */
  const yourTime = () => {
    if (!venueZones().reader) return '';
    const zone = otherZone(venueZones(), new Date(event().start));
    if (!zone) return t('events.sameTime', { zone: venueZones().name });
    // The times alone (the day above is the venue's; another day is named by its weekday), and
    // the zone's generic name ("Central European Time", not "… Summer Time"): more would make
    // the row two lines on a phone, and the line held for it is one.
    const text = formatEventTime(event(), formatLocale(), zone, { date: 'none', day: eventDay(event()) });
    return t('time.named', { text, zone: zoneName(locale(), zone) });
  };
  const refs = () => event().contacts.flatMap((c: EventContact) => ('ref' in c ? [c.ref] : []));
  const referenced = createAsync(async () => {
    const language = locale();
    return readableItems(await itemsById(refs()), language);
  });
  /** Each contact with the language it is written in (its own item's, else the event's) and its file. */
  const contacts = (): { contact: Contact; lang?: string; file: string }[] => [
    ...(referenced() ?? []).flatMap((item) =>
      item.contact ? [{ contact: item.contact, lang: item.language, file: contactFilePath(item) }] : [],
    ),
    ...event().contacts.flatMap((c, index) =>
      'inline' in c
        ? [{ contact: c.inline, lang: props.item.language, file: contactFilePath(props.item, index) }]
        : [],
    ),
  ];
  const translations = createAsync(() => translationsOf(props.item.id));
  /**
   * The venue's name in Chinese, the local script: the feed's, else the Chinese version's, as
   * published (never converted: the taxi card is for a local driver).
   */
  const localName = () => {
    const venue = props.stored.event.venue;
    if (venue?.nameLocal) return venue.nameLocal;
    const chinese = [props.stored, ...(translations() ?? [])].find(
      (version) => languageMatch(version.language, 'zh') > 0 && version.event?.venue?.name,
    );
    return chinese?.event?.venue?.name;
  };

  /** The local address in the script the item is shown in: converted when the item is. */
  const localAddress = createAsync(async () => {
    const local = event().venue?.addressLocal;
    return local && inScriptOf(local, props.item.language);
  });

  const addToCalendar = (click: MouseEvent) => {
    // Made here from what the device holds now; the link's file (the build's) is for readers
    // without JavaScript and for a tap before the app has started.
    click.preventDefault();
    downloadText(
      icsFileName(props.item),
      'text/calendar;charset=utf-8',
      calendarFile(props.item, siteOrigin(), Date.now()),
    );
  };
  const when = (zone: string) => formatEventTime(event(), formatLocale(), zone, { date: 'full' });

  const calendarButton = (kind: 'button-primary' | 'button-secondary') => (
    <a
      class={kind}
      href={calendarFilePath(props.item)}
      download={icsFileName(props.item)}
      onClick={addToCalendar}
    >
      <Icon name="calendar" size={20} />
      {t('events.addToCalendar')}
    </a>
  );

  return (
    <article class="page article">
      <h1 lang={props.item.language} data-screen-title>
        {displayTitle(props.item)}
      </h1>
      <ConvertedNote readable={props.reading} />
      <OtherLanguages item={props.item} />
      <p class="item-status">
        <StatusBadge state={state()} />
      </p>
      <Switch>
        <Match when={state() === 'cancelled'}>
          <p class="notice danger">{t('events.cancelledNote')}</p>
        </Match>
        <Match when={state() === 'postponed'}>
          <p class="notice">{t('events.postponedNote')}</p>
        </Match>
        <Match when={event().status === 'moved-online' && state() !== 'ended'}>
          <p class="notice">{t('events.online')}</p>
        </Match>
      </Switch>
      <dl class="facts">
        <dt>
          {state() === 'cancelled' || state() === 'postponed' ? t('events.plannedFor') : t('events.when')}
        </dt>
        <dd>
          {event().allDay
            ? when(event().timezone)
            : t('time.venue', { time: when(event().timezone), zone: venueZones().name })}
        </dd>
        {/* Always there for a timed event, so that nothing moves when the reader's zone is known
            (after hydration): their time, or that it is the same. Empty until then, its line
            reserved (styles.css). */}
        <Show when={!event().allDay}>
          <dt>{t('events.yourTime')}</dt>
          <dd class="your-time">{yourTime()}</dd>
        </Show>
        <Show when={event().status === 'moved-online'}>
          <dt>{t('events.venue')}</dt>
          <dd>{t('events.onlinePlace')}</dd>
        </Show>
        <Show when={actions().venue ? event().venue : undefined}>
          {(venue) => (
            <>
              <dt>{t('events.venue')}</dt>
              <dd>
                <Switch
                  fallback={
                    <>
                      {placeLine(venue().name, venue().address, ', ')}
                      <Show when={venue().addressLocal}>
                        {(local) => (
                          <span class="local-address" lang="zh-Hans">
                            {local()}
                          </span>
                        )}
                      </Show>
                    </>
                  }
                >
                  {/* A Chinese reader reads the venue as a Chinese address is written. */}
                  <Match when={locale() === 'zh-Hans'}>
                    {placeLine(localName() ?? venue().name, venue().addressLocal ?? venue().address, '，')}
                  </Match>
                  {/* So does a reader of Traditional of an item converted for them: the local
                      address converted with it (the taxi card keeps it as published). */}
                  <Match when={locale() === 'zh-Hant' && convertedTarget(props.item.language)}>
                    <span lang={props.item.language}>
                      {placeLine(venue().name, localAddress() ?? venue().address, '，')}
                    </span>
                  </Match>
                </Switch>
              </dd>
            </>
          )}
        </Show>
      </dl>
      <Show when={actions().primary}>
        {(action) => (
          <div class="primary-action">
            <Switch>
              <Match when={action() === 'register' ? event().registrationUrl : undefined}>
                {(href) => (
                  <a class="button-primary" href={href()} target="_blank" rel="noopener noreferrer">
                    <Icon name="register" size={20} />
                    {t('events.register')}
                  </a>
                )}
              </Match>
              <Match when={action() === 'join' ? event().onlineUrl : undefined}>
                {(href) => (
                  <a class="button-primary" href={href()} target="_blank" rel="noopener noreferrer">
                    <Icon name="external" size={20} />
                    {t('events.joinOnline')}
                  </a>
                )}
              </Match>
              <Match when={action() === 'calendar'}>{calendarButton('button-primary')}</Match>
            </Switch>
          </div>
        )}
      </Show>
      <ul class="action-group">
        <Show when={actions().join && actions().primary !== 'join' ? event().onlineUrl : undefined}>
          {(href) => (
            <li>
              <a class="button-secondary" href={href()} target="_blank" rel="noopener noreferrer">
                <Icon name="external" size={20} />
                {t('events.joinOnline')}
              </a>
            </li>
          )}
        </Show>
        <Show when={actions().calendar && actions().primary !== 'calendar'}>
          <li>{calendarButton('button-secondary')}</li>
        </Show>
        <Show when={actions().directions ? event().venue : undefined}>
          {(venue) => (
            <li>
              <Directions place={venue()} class="button-secondary" />
            </li>
          )}
        </Show>
        <Show when={actions().directions ? event().venue?.addressLocal : undefined}>
          {(local) => (
            <li>
              <DriverView name={localName()} address={local()} />
            </li>
          )}
        </Show>
      </ul>
      <ItemActions item={props.stored} />
      <ItemBody
        html={props.item.contentHtml}
        text={props.item.contentText}
        lang={props.item.language}
        noImages={settings().dataSaver}
      />
      <Show when={contacts().length}>
        <h2>{t('events.contacts')}</h2>
        {/* By place, not by object: a sync's re-read gives new objects, and the cards (a "More ways
            to reach" the reader opened) stay as they are. */}
        <Index each={contacts()}>
          {(entry) => (
            <ContactCard
              contact={entry().contact}
              lang={entry().lang}
              file={entry().file}
              heading="h3"
              zones={venueZones()}
              now={now()}
              venueActions={state() !== 'cancelled'}
              boxed
            />
          )}
        </Index>
      </Show>
    </article>
  );
}
