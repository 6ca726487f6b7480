/**
 * Where an event stands for a reader now, and what they can do about it. One function decides
 * it from the event's status, its start and end, and the clock, for every screen that shows an
 * event (its page, the events list, My agenda, search results), so that no screen offers a
 * registration for an event that is over, or a taxi to one that was cancelled.
 */
import type { CityEvent } from './model';
import { endMs, startMs, type EventTimes } from './event-time';

/**
 * What the reader is told, in words: the publisher's status first (cancelled, postponed),
 * then the clock (ended, happening now), then "moved online" for one still to come.
 */
export type EventState = 'upcoming' | 'now' | 'ended' | 'cancelled' | 'postponed' | 'moved-online';

/** The state of `event` at `nowMs`. */
export function eventState(event: EventTimes & Pick<CityEvent, 'status'>, nowMs: number): EventState {
  if (event.status === 'cancelled' || event.status === 'postponed') return event.status;
  if (endMs(event) <= nowMs) return 'ended';
  if (startMs(event) <= nowMs) return 'now';
  return event.status === 'moved-online' ? 'moved-online' : 'upcoming';
}

/** Whether the event is to be gone to or joined: it is still to come or under way. */
export function isOn(state: EventState): boolean {
  return state === 'upcoming' || state === 'now' || state === 'moved-online';
}

/** What the event's page offers, by state. */
export interface EventActions {
  /** Registration: only before the event begins, and not once cancelled or postponed. */
  register: boolean;
  /** Add to calendar: while the event is on and its date holds. */
  calendar: boolean;
  /** The join link of an event held online, while it is on. */
  join: boolean;
  /** The venue's name and address: not for an event that moved online (it has none now). */
  venue: boolean;
  /** Map links and the taxi card: only to go to an event that is on, at its venue. */
  directions: boolean;
  /** The one action a screen leads with, if any. */
  primary?: 'register' | 'join' | 'calendar';
}

/** The actions of `event` in `state`: the event's page shows these and no others. */
export function eventActions(
  event: Pick<CityEvent, 'status' | 'registrationUrl' | 'onlineUrl' | 'venue'>,
  state: EventState,
): EventActions {
  const on = isOn(state);
  const online = event.status === 'moved-online';
  const register = !!event.registrationUrl && (state === 'upcoming' || state === 'moved-online');
  const join = online && on && !!event.onlineUrl;
  const actions: EventActions = {
    register,
    calendar: on,
    join,
    venue: !online && !!event.venue,
    directions: !online && on && !!event.venue,
  };
  // While it is under way, joining is what an online reader came for; before, registering.
  actions.primary = register ? 'register' : join && state === 'now' ? 'join' : on ? 'calendar' : undefined;
  return actions;
}
