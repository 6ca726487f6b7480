/**
 * Reads one page of a city feed (JSON Feed 1.0/1.1 with the `_city` extension, see
 * docs/feed-format.md) into the app's model. The rules are those of the contract's "What a
 * client does with bad input": a page that is not a JSON object with an `items` array is
 * rejected whole; an item that breaks the rules is skipped and reported; a bad date is dropped
 * with a warning; unknown fields are ignored. It never throws, whatever it is given, because a
 * hostile feed must not be able to stop a sync.
 *
 * The raw shapes are valibot schemas: they type-check each item in one pass and are exported
 * as docs/feed.schema.json for publishers (and the coming `citylink-feed` command).
 */
import * as v from 'valibot';
import type {
  Attachment,
  Author,
  CityEvent,
  Contact,
  EventContact,
  EventStatus,
  FeedMeta,
  Item,
  Localized,
  ItemKind,
  Problem,
  Translation,
  Venue,
} from './model';

// JSON has `null` where a publisher meant "absent"; real feeds do this, so it is never an error.
const opt = <T extends v.GenericSchema>(schema: T) => v.nullish(schema);
const str = opt(v.string());
const num = opt(v.number());
const strings = opt(v.array(v.string()));

const authorSchema = v.object({ name: str, url: str, avatar: str });

// JSON Feed 1.1: "If an id is presented as a number or other type, a JSON Feed reader must
// coerce it to a string." Scalars are read as their string; objects and arrays are no id.
const idSchema = v.union([v.string(), v.number(), v.boolean()]);

export const contactSchema = v.object({
  name: v.pipe(v.string(), v.nonEmpty('A contact needs a name.')),
  organization: str,
  role: str,
  phone: str,
  email: str,
  wechat: str,
  website: str,
  address: str,
  address_local: str,
  lat: num,
  lon: num,
  hours: str,
  opening_hours: str,
  languages: strings,
});

const venueSchema = v.object({
  name: str,
  name_local: str,
  address: str,
  address_local: str,
  lat: num,
  lon: num,
});

/** One string for every language, or a map from BCP 47 tag to the text in that language. */
const localizedSchema = v.union([v.string(), v.record(v.string(), v.string())]);

export const eventSchema = v.object({
  start: v.string('An event needs a start.'),
  end: str,
  timezone: str,
  all_day: opt(v.boolean()),
  status: str,
  venue: opt(venueSchema),
  online_url: str,
  registration_url: str,
  // Entries are checked one by one below, so that one bad inline contact costs only itself.
  contacts: opt(v.array(v.unknown())),
});

const citySchema = v.object({
  kind: opt(v.picklist(['news', 'event', 'contact'], 'Unknown _city.kind.')),
  slug: str,
  deleted: opt(v.boolean()),
  urgent: opt(v.boolean()),
  expires: str,
  translations: opt(v.array(v.object({ language: v.string(), id: idSchema }))),
  event: opt(v.unknown()),
  contact: opt(v.unknown()),
});

export const itemSchema = v.object({
  id: v.union(idSchema.options, 'An item needs an id.'),
  url: str,
  external_url: str,
  title: str,
  content_html: str,
  content_text: str,
  summary: str,
  image: str,
  banner_image: str,
  date_published: str,
  date_modified: str,
  authors: opt(v.array(authorSchema)),
  author: opt(authorSchema),
  tags: strings,
  language: str,
  attachments: opt(
    v.array(
      v.object({
        url: v.string(),
        mime_type: v.string(),
        title: str,
        size_in_bytes: num,
        duration_in_seconds: num,
      }),
    ),
  ),
  _city: opt(citySchema),
});

const feedCitySchema = v.object({
  about: str,
  city: opt(localizedSchema),
  titles: opt(v.record(v.string(), v.string())),
  timezone: str,
  languages: strings,
  tags: opt(v.record(v.string(), v.record(v.string(), v.string()))),
});

export const feedSchema = v.object({
  version: str,
  title: str,
  home_page_url: str,
  feed_url: str,
  description: str,
  icon: str,
  favicon: str,
  language: str,
  next_url: str,
  expired: opt(v.boolean()),
  _city: opt(feedCitySchema),
  items: v.array(v.unknown()),
});

export interface ParseOptions {
  /** Address the page was fetched from: relative URLs resolve against it. */
  baseUrl: string;
  /** When the page arrived; undated items are ordered from it, in feed order. */
  receivedAt: number;
}

export type ParseResult =
  | { ok: false; error: string }
  | {
      ok: true;
      meta: FeedMeta;
      items: Item[];
      /** Ids the page retracts (`_city.deleted: true`). */
      retractions: string[];
      nextUrl?: string;
      skipped: Problem[];
      warnings: Problem[];
    };

/** An item's `_city.slug`: what its address may be made of. */
export const SLUG = /^[a-z0-9-]{1,80}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 date-time: the offset is required; fractions of a second are allowed. */
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** The statuses an event may have. */
export const EVENT_STATUSES: readonly EventStatus[] = ['scheduled', 'cancelled', 'postponed', 'moved-online'];
const DEFAULT_ZONE = 'UTC';

/** Parses one feed page. Accepts the response text or an already-parsed value. */
export function parseFeed(input: unknown, options: ParseOptions): ParseResult {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      return { ok: false, error: 'The feed is not JSON.' };
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, error: 'The feed is not a JSON object.' };
  }
  if (!Array.isArray((doc as { items?: unknown }).items)) {
    return { ok: false, error: 'The feed has no items array.' };
  }

  const warnings: Problem[] = [];
  const skipped: Problem[] = [];
  const top = readFeedFields(doc as Record<string, unknown>, warnings);
  const base = safeUrl(options.baseUrl);
  const link = (value: string | undefined | null, where: string, at?: Problem) =>
    resolveUrl(value, base, where, warnings, at);

  const zone = validZone(top._city?.timezone) ?? DEFAULT_ZONE;
  if (top._city?.timezone && zone !== top._city.timezone) {
    warnings.push({ message: `Unknown time zone "${top._city.timezone}"; using ${DEFAULT_ZONE}.` });
  }
  const cityName = top._city?.city ?? undefined;
  const cityNames = typeof cityName === 'object' ? nonEmpty(cityName) : undefined;
  const city = typeof cityName === 'string' ? cityName : undefined;
  const meta: FeedMeta = compact({
    title: top.title?.trim() || city || firstValue(cityNames, top.language) || '',
    homePageUrl: link(top.home_page_url, 'home_page_url'),
    feedUrl: link(top.feed_url, 'feed_url'),
    description: top.description ?? undefined,
    icon: link(top.icon, 'icon'),
    favicon: link(top.favicon, 'favicon'),
    language: top.language ?? undefined,
    expired: top.expired === true,
    city,
    cityNames,
    titles: top._city?.titles ? nonEmpty(top._city.titles) : undefined,
    tagLabels: readTagLabels(top._city?.tags ?? undefined),
    timezone: top._city?.timezone ? zone : undefined,
    languages: top._city?.languages ?? [],
    about: link(top._city?.about, '_city.about'),
  });

  const items: Item[] = [];
  const retractions: string[] = [];
  const retracted = new Set<string>();
  const seen = new Set<string>();
  const rawItems = (doc as { items: unknown[] }).items;

  rawItems.forEach((raw, index) => {
    const id = idString((raw as { id?: unknown } | null)?.id);
    const at: Problem =
      typeof id === 'string' && id !== '' ? { index, id, message: '' } : { index, message: '' };
    const skip = (message: string) => skipped.push({ ...at, message });

    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return skip('The item is not an object.');
    if (typeof id !== 'string' || id.trim() === '') return skip('The item has no id.');

    const city = (raw as { _city?: unknown })._city;
    if (typeof city === 'object' && city !== null && (city as { deleted?: unknown }).deleted === true) {
      if (retracted.has(id)) return skip(`Another item on this page already retracts the id "${id}".`);
      // An item and its own retraction on one page: the retraction wins, wherever it stands.
      seen.add(id);
      retracted.add(id);
      retractions.push(id);
      return;
    }
    if (retracted.has(id)) return skip(`The id "${id}" is retracted on this page; the retraction wins.`);
    if (seen.has(id)) return skip(`Another item on this page already has the id "${id}".`);

    const checked = v.safeParse(itemSchema, raw);
    if (!checked.success) return skip(describe(checked.issues));
    seen.add(id);
    const item = readItem(checked.output, id, index, {
      zone,
      link,
      warnings,
      at,
      receivedAt: options.receivedAt,
    });
    if (typeof item === 'string') return skip(item);
    items.push(item);
  });

  const nextUrl = link(top.next_url, 'next_url');
  // An item before its own retraction was read; the retraction takes it back.
  const kept = retracted.size > 0 ? items.filter((item) => !retracted.has(item.id)) : items;
  return compact({ ok: true as const, meta, items: kept, retractions, nextUrl, skipped, warnings });
}

type RawItem = v.InferOutput<typeof itemSchema>;

/** An id as JSON Feed readers must take it: a string, or a number or boolean as its string. */
function idString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
    return String(value);
  return undefined;
}

interface ItemContext {
  zone: string;
  link: (value: string | undefined | null, where: string, at?: Problem) => string | undefined;
  warnings: Problem[];
  at: Problem;
  receivedAt: number;
}

/** The item in the app's shape, or the reason it must be skipped. */
function readItem(raw: RawItem, id: string, index: number, ctx: ItemContext): Item | string {
  const { link, warnings, at } = ctx;
  const warn = (message: string) => warnings.push({ ...at, message });
  const city = raw._city ?? undefined;
  const kind: ItemKind = city?.kind ?? 'news';

  let slug = city?.slug ?? undefined;
  if (slug !== undefined && !SLUG.test(slug)) {
    warn(`The slug "${slug}" is not [a-z0-9-]{1,80}; the item's address uses its id.`);
    slug = undefined;
  }

  const datePublished = readDate(raw.date_published, 'date_published', warn);
  const dateModified = readDate(raw.date_modified, 'date_modified', warn);
  const expires = readDate(city?.expires, '_city.expires', warn);
  let urgent = city?.urgent === true ? true : undefined;
  if (urgent && kind !== 'news') {
    warn('Only a news item can be an urgent notice; _city.urgent is ignored.');
    urgent = undefined;
  }

  let event: CityEvent | undefined;
  let contact: Contact | undefined;
  if (kind === 'event') {
    const result = readEvent(city?.event, ctx);
    if (typeof result === 'string') return result;
    event = result;
  } else if (kind === 'contact') {
    if (city?.contact == null) return 'A contact item needs a _city.contact object with a name.';
    const result = readContact(city.contact, ctx);
    if (typeof result === 'string') return result;
    contact = result;
  }

  const authors: Author[] = (raw.authors ?? (raw.author ? [raw.author] : [])).map((a) =>
    compact({
      name: a.name ?? undefined,
      url: link(a.url, 'author url', at),
      avatar: link(a.avatar, 'author avatar', at),
    }),
  );
  const attachments: Attachment[] = [];
  for (const a of raw.attachments ?? []) {
    const url = link(a.url, 'attachment url', at);
    if (!url) continue;
    attachments.push(
      compact({
        url,
        mimeType: a.mime_type,
        title: a.title ?? undefined,
        sizeInBytes: a.size_in_bytes ?? undefined,
        durationInSeconds: a.duration_in_seconds ?? undefined,
      }),
    );
  }
  const translations: Translation[] = (city?.translations ?? [])
    .map((t) => ({ language: t.language, id: String(t.id) }))
    .filter((t) => t.id !== id);

  const dated = datePublished ?? dateModified;
  return compact({
    id,
    kind,
    key: slug ?? id,
    slug,
    url: link(raw.url, 'url', at),
    externalUrl: link(raw.external_url, 'external_url', at),
    title: raw.title ?? contact?.name,
    contentHtml: raw.content_html ?? undefined,
    contentText: raw.content_text ?? undefined,
    summary: raw.summary ?? undefined,
    image: link(raw.image, 'image', at),
    bannerImage: link(raw.banner_image, 'banner_image', at),
    datePublished,
    dateModified,
    authors,
    tags: raw.tags ?? [],
    language: raw.language ?? undefined,
    attachments,
    translations,
    event,
    contact,
    urgent,
    expires,
    // Undated items follow the feed's order: the first of the page counts as the newest.
    sortTime: dated ? Date.parse(dated) : ctx.receivedAt - index,
  });
}

function readEvent(value: unknown, ctx: ItemContext): CityEvent | string {
  if (value == null) return 'An event item needs a _city.event object with a start.';
  const checked = v.safeParse(eventSchema, value);
  if (!checked.success) return describe(checked.issues, '_city.event');
  const raw = checked.output;
  const warn = (message: string) => ctx.warnings.push({ ...ctx.at, message });
  const allDay = raw.all_day === true;

  const start = readEventTime(raw.start, allDay);
  if (!start) {
    return allDay
      ? `The event's start "${raw.start}" is not a date (YYYY-MM-DD) or an RFC 3339 date-time.`
      : `The event's start "${raw.start}" is not an RFC 3339 date-time with an offset.`;
  }
  let end = raw.end == null ? undefined : readEventTime(raw.end, allDay);
  if (raw.end != null && !end) warn(`The event's end "${raw.end}" cannot be read; it is left out.`);
  if (end && eventOrder(end, allDay) < eventOrder(start, allDay)) {
    warn(`The event ends (${end}) before it starts (${start}); the end is left out.`);
    end = undefined;
  }

  let timezone = ctx.zone;
  if (raw.timezone) {
    const zone = validZone(raw.timezone);
    if (zone) timezone = zone;
    else warn(`Unknown time zone "${raw.timezone}"; using ${ctx.zone}.`);
  }

  let status: EventStatus = 'scheduled';
  if (raw.status) {
    if ((EVENT_STATUSES as readonly string[]).includes(raw.status)) status = raw.status as EventStatus;
    else warn(`Unknown event status "${raw.status}"; shown as scheduled.`);
  }

  const contacts: EventContact[] = [];
  for (const entry of raw.contacts ?? []) {
    if (typeof entry === 'string' || typeof entry === 'number') {
      contacts.push({ ref: String(entry) });
      continue;
    }
    const inline = readContact(entry, ctx);
    if (typeof inline === 'string') warn(`An event contact is left out: ${inline}`);
    else contacts.push({ inline });
  }

  const venue: Venue | undefined = raw.venue
    ? compact({
        name: raw.venue.name ?? undefined,
        nameLocal: raw.venue.name_local ?? undefined,
        address: raw.venue.address ?? undefined,
        addressLocal: raw.venue.address_local ?? undefined,
        ...coordinates(raw.venue.lat, raw.venue.lon, warn),
      })
    : undefined;

  return compact({
    start,
    end,
    timezone,
    allDay,
    status,
    venue,
    onlineUrl: ctx.link(raw.online_url, 'online_url', ctx.at),
    registrationUrl: ctx.link(raw.registration_url, 'registration_url', ctx.at),
    contacts,
  });
}

function readContact(value: unknown, ctx: ItemContext): Contact | string {
  const checked = v.safeParse(contactSchema, value);
  if (!checked.success) return describe(checked.issues, 'contact');
  const raw = checked.output;
  const warn = (message: string) => ctx.warnings.push({ ...ctx.at, message });
  return compact({
    name: raw.name,
    organization: raw.organization ?? undefined,
    role: raw.role ?? undefined,
    phone: raw.phone ?? undefined,
    email: raw.email ?? undefined,
    wechat: raw.wechat ?? undefined,
    website: ctx.link(raw.website, 'website', ctx.at),
    address: raw.address ?? undefined,
    addressLocal: raw.address_local ?? undefined,
    ...coordinates(raw.lat, raw.lon, warn),
    hours: raw.hours ?? undefined,
    openingHours: raw.opening_hours ?? undefined,
    languages: raw.languages ?? [],
  });
}

/** A position only when both halves are on the globe; half a position is no position. */
function coordinates(
  lat: number | null | undefined,
  lon: number | null | undefined,
  warn: (message: string) => void,
): { lat?: number; lon?: number } {
  if (lat == null && lon == null) return {};
  if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    return { lat, lon };
  }
  warn(`The position (${String(lat)}, ${String(lon)}) is not a valid lat/lon pair; it is left out.`);
  return {};
}

/**
 * An event time in the form the model keeps: the date for all-day events (a date-time given
 * for one keeps its own calendar date), the date-time otherwise.
 */
function readEventTime(value: string, allDay: boolean): string | undefined {
  if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
    return allDay ? value.slice(0, 10) : value;
  }
  if (allDay && isCalendarDate(value)) return value;
  return undefined;
}

function eventOrder(value: string, allDay: boolean): number {
  return allDay ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (an all-day event's day). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An item date as given when it can be read (RFC 3339, as JSON Feed asks), else nothing. */
function readDate(value: string | null | undefined, field: string, warn: (m: string) => void) {
  if (value == null) return undefined;
  if (DATE_TIME.test(value.trim()) && !Number.isNaN(Date.parse(value.trim()))) return value.trim();
  warn(`${field} "${value}" is not an RFC 3339 date-time with an offset; it is ignored.`);
  return undefined;
}

/** The IANA zone `zone` names, in its canonical spelling; nothing for a name Intl does not know. */
export function validZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a feed URL against the page's address and keeps it only if it is http(s): a
 * `javascript:` or `data:` link from a feed must never reach an href or src.
 */
function resolveUrl(
  value: string | null | undefined,
  base: URL | undefined,
  where: string,
  warnings: Problem[],
  at?: Problem,
): string | undefined {
  if (value == null || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    warnings.push({ ...at, message: `${where} "${value}" is not a URL; it is left out.` });
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    warnings.push({ ...at, message: `${where} uses ${url.protocol}, which the app does not follow.` });
    return undefined;
  }
  return url.href;
}

/**
 * The feed's own fields, each read on its own: a top-level field of the wrong type is dropped
 * with a warning, since only a missing `items` array rejects a page.
 */
function readFeedFields(doc: Record<string, unknown>, warnings: Problem[]): v.InferOutput<typeof feedSchema> {
  const entries: Record<string, v.GenericSchema> = { ...feedSchema.entries };
  delete entries.items;
  delete entries._city;
  const result = readFields(doc, entries, '', warnings);
  result.items = doc.items;
  // Each field of `_city` stands alone too: a city name in an unknown shape must not cost the
  // feed its time zone.
  const city = doc._city;
  if (typeof city === 'object' && city !== null && !Array.isArray(city)) {
    result._city = readFields(city as Record<string, unknown>, feedCitySchema.entries, '_city.', warnings);
  }
  return result as v.InferOutput<typeof feedSchema>;
}

/** The fields of `doc` that pass their schema; each one that does not is ignored with a warning. */
function readFields(
  doc: Record<string, unknown>,
  entries: Record<string, v.GenericSchema>,
  prefix: string,
  warnings: Problem[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(entries)) {
    if (!(key in doc)) continue;
    const checked = v.safeParse(schema, doc[key]);
    if (checked.success) result[key] = checked.output;
    else if (prefix) warnings.push({ message: `The feed's ${prefix}${key} is not valid; it is ignored.` });
    else
      warnings.push({
        message: `The feed's ${key} is not valid (${describe(checked.issues)}); it is ignored.`,
      });
  }
  return result;
}

/** A language map without its empty entries; undefined when nothing is left. */
function nonEmpty(map: Record<string, string>): Localized | undefined {
  const entries = Object.entries(map)
    .map(([tag, text]) => [tag, text.trim()] as const)
    .filter(([, text]) => text !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The text of a language map in `language` when it has one, else its first entry. */
function firstValue(map: Localized | undefined, language: string | null | undefined): string | undefined {
  if (!map) return undefined;
  return (language ? map[language] : undefined) ?? Object.values(map)[0];
}

function readTagLabels(
  tags: Record<string, Record<string, string>> | undefined,
): Record<string, Localized> | undefined {
  if (!tags) return undefined;
  const labels: Record<string, Localized> = {};
  for (const [tag, byLanguage] of Object.entries(tags)) {
    const names = nonEmpty(byLanguage);
    if (names) labels[tag] = names;
  }
  return Object.keys(labels).length > 0 ? labels : undefined;
}

function describe(issues: readonly v.BaseIssue<unknown>[], prefix?: string): string {
  const issue = issues[0];
  if (!issue) return 'The item does not match the feed format.';
  const path = [prefix, v.getDotPath(issue)].filter(Boolean).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Drops keys whose value is `undefined`, so stored records compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
