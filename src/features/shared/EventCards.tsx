import { now } from '../../state/clock';
import { formatLocale, t } from '../../i18n';
import { eventState, type EventState } from '@citylink/core/event-state';
import {
  eventDay,
  formatDay,
  formatEventTime,
  type DateStyle,
  type EventItem,
} from '@citylink/core/event-time';
import { feedImage } from '../../lib/settings';
import { StatusBadge } from '../../ui/StatusBadge';
import { whoseTime } from '../../ui/whose-time';
import { CardList } from './CardList';
import type { Marks } from './ItemMarks';
import type { useZones } from './zones';

/**
 * Event rows, in the events list and "My agenda": the event's state in words, when it is in
 * the venue's time (and the reader's where it differs), and where (or "Online"). `level` keeps
 * headings in order where they stand; `dates` is `none` under a heading that gives the day,
 * else the screen's date style; `implied` is the state the section's heading already says.
 */
export function EventCards(props: {
  items: EventItem[];
  level: 3 | 4;
  dates: DateStyle;
  implied?: EventState;
  /**
   * The screen's `useZones()` and `useMarks()`: made once per screen, not per group of cards.
   * Their first read waits on the store, and a group a list adds later (a day the first sync
   * brought) would put the whole screen into its loading state while it waits.
   */
  zones: ReturnType<typeof useZones>;
  marks: Marks;
}) {
  const when = (item: EventItem) => {
    const event = item.event;
    if (event.allDay) {
      if (props.dates !== 'none')
        return formatEventTime(event, formatLocale(), event.timezone, { date: props.dates });
      return event.end && event.end !== event.start
        ? t('events.allDayUntil', { date: formatDay(event.end, formatLocale(), 'full') })
        : t('events.allDay');
    }
    const day = eventDay(event);
    const [dates, language] = [props.dates, formatLocale()];
    return whoseTime(props.zones(event.timezone), new Date(event.start), (zone) =>
      formatEventTime(event, language, zone, {
        // The reader's time goes by the venue's day: its weekday only where it falls on another.
        date: zone === event.timezone ? dates : 'none',
        day,
      }),
    );
  };
  return (
    <CardList
      items={props.items}
      marks={props.marks}
      level={props.level}
      image={(item) => feedImage(item.image)}
      meta={(item) => (
        <>
          <StatusBadge state={eventState(item.event, now())} implied={props.implied} />
          <span>{when(item)}</span>
        </>
      )}
      // An event that moved online is at no building any more.
      text={(item) =>
        item.event.status === 'moved-online' ? t('events.onlinePlace') : item.event.venue?.name
      }
    />
  );
}
