/**
 * The app's own shape of a city feed, after parsing and normalisation.
 * Everything the page and the worker store or render uses these types; the raw JSON Feed
 * shape never leaves `parse.ts`.
 */

export type ItemKind = 'news' | 'event' | 'contact';

export type EventStatus = 'scheduled' | 'cancelled' | 'postponed' | 'moved-online';

export interface Author {
  name?: string;
  url?: string;
  avatar?: string;
}

export interface Attachment {
  url: string;
  mimeType: string;
  title?: string;
  sizeInBytes?: number;
  durationInSeconds?: number;
}

export interface Translation {
  language: string;
  id: string;
}

/**
 * Text a feed gives by language: BCP 47 tag to text. Read it with `localized()` in
 * `text.ts`, which matches the reader's language to the nearest tag.
 */
export type Localized = Record<string, string>;

/**
 * A place; `nameLocal` and `addressLocal` are its name and address in the local language and
 * script, to show a taxi driver.
 */
export interface Venue {
  name?: string;
  nameLocal?: string;
  address?: string;
  addressLocal?: string;
  lat?: number;
  lon?: number;
}

/** A person or office to reach: a contact item's body, or an inline contact of an event. */
export interface Contact {
  name: string;
  organization?: string;
  role?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  website?: string;
  address?: string;
  addressLocal?: string;
  lat?: number;
  lon?: number;
  /** Free text for people. */
  hours?: string;
  /** The same hours in OpenStreetMap `opening_hours` syntax. */
  openingHours?: string;
  languages: string[];
}

/** An event contact is either the id of a contact item or an inline contact. */
export type EventContact = { ref: string } | { inline: Contact };

export interface CityEvent {
  /** RFC 3339 date-time with offset, or `YYYY-MM-DD` when `allDay`. */
  start: string;
  /** Same form as `start`; for all-day events the last day, inclusive. */
  end?: string;
  /** IANA zone of the venue (the feed's zone when the event names none). */
  timezone: string;
  allDay: boolean;
  status: EventStatus;
  venue?: Venue;
  /** Where to join the event online (given when it has moved online). */
  onlineUrl?: string;
  registrationUrl?: string;
  contacts: EventContact[];
}

/** One stored item of any kind. */
export interface Item {
  id: string;
  kind: ItemKind;
  /** The item's address segment: its slug, or its id when it has none. */
  key: string;
  slug?: string;
  url?: string;
  externalUrl?: string;
  title?: string;
  contentHtml?: string;
  contentText?: string;
  summary?: string;
  image?: string;
  bannerImage?: string;
  datePublished?: string;
  dateModified?: string;
  authors: Author[];
  tags: string[];
  language?: string;
  attachments: Attachment[];
  translations: Translation[];
  event?: CityEvent;
  contact?: Contact;
  /** An urgent notice (a typhoon warning, a closure): shown above everything until it ends. */
  urgent?: boolean;
  /** RFC 3339 date-time after which the item is no longer current. */
  expires?: string;
  /**
   * Milliseconds used to order lists, newest first: date_published, else date_modified,
   * else the time the item was first stored (so undated items keep their feed order).
   */
  sortTime: number;
}

/** Feed-level facts the app shows (name, zone) and needs (paging, languages). */
export interface FeedMeta {
  title: string;
  homePageUrl?: string;
  feedUrl?: string;
  description?: string;
  icon?: string;
  favicon?: string;
  language?: string;
  expired: boolean;
  /** The city's name as the feed gives it when it gives one name for every language. */
  city?: string;
  /** The city's name by language, when the feed gives a map. */
  cityNames?: Localized;
  /** The feed's name by language (`_city.titles`), beside its one JSON Feed `title`. */
  titles?: Localized;
  /** Display labels of the feed's item tags: tag to labels by language. */
  tagLabels?: Record<string, Localized>;
  timezone?: string;
  languages: string[];
  about?: string;
}

/** What a parser found wrong; never thrown at the user, always counted and reported. */
export interface Problem {
  /** Index of the item in the page's `items` array, when the problem is an item's. */
  index?: number;
  /** The item's id when it had a readable one. */
  id?: string;
  message: string;
}
