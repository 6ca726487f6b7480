/**
 * `citylink-feed build`: a content folder (content.ts) to a city feed, a small
 * head `feed.json` with the newest items and archive pages of older ones linked by `next_url`
 * (docs/publishing.md). Every value is checked against the app's own schemas and, at the end,
 * every page is read by the app's own parser: a build that succeeds is a feed the app reads
 * without a single warning.
 *
 * Paging, and why archives never change: items are ordered by when they last changed
 * (`date_modified`, else `date_published`), oldest first, and cut into archive pages of
 * `archive_items` from the oldest end; the newest `head_items` and the rest go to the head.
 * New items only ever join the head, so a written archive keeps its items, and its name holds
 * the hash of its bytes: a name always means the same bytes and can be cached forever. An
 * edit moves the item to the head (where every reader's sync sees it) and rewrites the
 * archives from its old place on, under new names. The app's sync stops at the first page
 * that holds an item it knows, so a change must be in the head to reach those who have the
 * feed already.
 *
 * Beside the feed, the build writes its calendar subscriptions (calendars.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import MarkdownIt from 'markdown-it';
import cjkBreaks from 'markdown-it-cjk-breaks';
import cjkFriendly from 'markdown-it-cjk-friendly';
import * as v from 'valibot';
import {
  contactSchema,
  EVENT_STATUSES,
  eventSchema,
  feedSchema,
  isCalendarDate,
  itemSchema,
  parseFeed,
  SLUG,
  validZone,
} from '../../core/src/parse';
import { CALENDAR_DIR } from '../../core/src/calendar';
import { itemPath } from '../../core/src/paths';
import type { ItemKind } from '../../core/src/model';
import {
  citySchema,
  dateTimeProblem,
  explainIssue,
  FEED_FILE,
  FEED_SETTINGS,
  FEED_SETTINGS_HINTS,
  feedCitySchema,
  fieldName,
  FRONT_MATTER,
  FRONT_MATTER_HINTS,
  issuePath,
  listContent,
  parseYaml,
  readContentFile,
  readItemFile,
  shapeOf,
  type ContentProblem,
  type ItemSource,
  type Located,
  type Path,
  type Shape,
} from './content';
import { calendarFiles } from './calendars';
import { specProblems } from './jsonfeed';
import { fieldOf, itemRules, pageSizeProblem } from './validate';

export const HEAD_FILE = 'feed.json';
/** Archive pages live in this folder beside the head, as `archive-<n>-<hash>.json`. */
export const ARCHIVE_DIR = 'feed';
const ARCHIVE_NAME = /^archive-\d+-[0-9a-f]{12}\.json$/;

export const DEFAULT_HEAD_ITEMS = 20;
export const DEFAULT_ARCHIVE_ITEMS = 20;

export interface BuildOptions {
  /** The fewest items the head holds (feed.yaml `paging.head_items` otherwise). */
  headItems?: number;
  /** Items per archive page (feed.yaml `paging.archive_items` otherwise). */
  archiveItems?: number;
  /**
   * The items of the feed built before, by id (`readPreviousFeed`): a change that cannot reach
   * the phones that have the feed already is then a warning.
   */
  previous?: ReadonlyMap<string, unknown>;
  /** When the build runs (ms): calendars leave out events that ended long before. */
  now?: number;
}

export interface BuiltFile {
  /** Relative to the output folder, with `/`. */
  path: string;
  text: string;
}

export interface BuildResult {
  problems: ContentProblem[];
  /** The feed's pages. Empty when any problem is an error: nothing is written then. */
  files: BuiltFile[];
  /** The calendar subscriptions beside it (calendars.ts); empty with the pages. */
  calendars: BuiltFile[];
  items: number;
  retractions: number;
  headItems: number;
  archives: number;
}

type Raw = Record<string, unknown>;

interface Settings {
  top: Raw;
  city: Raw;
  zone: string;
  language?: string;
  languages: string[];
  home?: string;
  labels?: Raw;
  headItems: number;
  archiveItems: number;
}

/** One item file, read. */
interface Entry {
  source: ItemSource;
  /** The file's name without folder, language and `.md`: `welcome` for `news/welcome.en.md`. */
  name: string;
  id: string;
  kind: ItemKind;
  language?: string;
  slug?: string;
  translationKey?: string;
  deleted: boolean;
  /** When it last changed (ms): the paging order. */
  changed: number;
  json: Raw;
}

const KIND_OF_FOLDER: Record<string, ItemKind> = { news: 'news', events: 'event', contacts: 'contact' };
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// CommonMark as written, without raw HTML (the app would sanitize it anyway, and a feed is
// clearer without it). Two plugins for Chinese: emphasis next to full-width punctuation
// (`**已取消。**下次`) works, and a line break inside Chinese text adds no space.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })
  .use(cjkFriendly)
  .use(cjkBreaks);

/** Reads and checks a content folder and makes the feed's files (written by `writeFeed`). */
export function buildFeed(dir: string, options: BuildOptions = {}): BuildResult {
  const problems: ContentProblem[] = [];
  const result: BuildResult = {
    problems,
    files: [],
    calendars: [],
    items: 0,
    retractions: 0,
    headItems: 0,
    archives: 0,
  };
  const listed = listContent(dir);
  const settings = readSettings(dir, listed.feed, options, problems);
  if (!settings) return result;
  if (listed.items.length === 0) {
    problems.push({
      severity: 'error',
      file: '.',
      message: 'The content folder has no Markdown (.md) files: a feed needs items.',
    });
    return result;
  }

  const entries: Entry[] = [];
  for (const file of listed.items) {
    const bytes = readContentFile(dir, file);
    // One by one: a file can have as many bad lines as the call stack has room for arguments.
    for (const problem of bytes.problems) problems.push(problem);
    if (bytes.text === undefined) continue;
    const read = readItemFile(file, bytes.text);
    problems.push(...read.problems);
    if (!read.item) continue;
    const entry = readEntry(read.item, settings, problems);
    if (entry) entries.push(entry);
  }
  linkEntries(entries, problems);
  if (problems.some((p) => p.severity === 'error')) return result;

  const live = entries.filter((e) => !e.deleted);
  const retracted = entries.filter((e) => e.deleted).sort((a, b) => compare(a.id, b.id));
  // Ties broken by id, backwards, so that read newest first the feed lists them by id.
  const oldestFirst = [...live].sort((a, b) => a.changed - b.changed || compare(b.id, a.id));
  const archiveCount = Math.floor(Math.max(0, live.length - settings.headItems) / settings.archiveItems);
  const files: BuiltFile[] = [];
  let next: string | undefined;
  for (let n = 1; n <= archiveCount; n++) {
    const chunk = oldestFirst.slice((n - 1) * settings.archiveItems, n * settings.archiveItems);
    const text = pageText(settings, readingOrder(chunk), next);
    const name = `archive-${n}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
    files.push({ path: `${ARCHIVE_DIR}/${name}`, text });
    next = name;
  }
  const head = oldestFirst.slice(archiveCount * settings.archiveItems);
  const headText = pageText(
    settings,
    [...readingOrder(head), ...retracted.map((e) => e.json)],
    next && `${ARCHIVE_DIR}/${next}`,
  );
  // Newest first, as a reader's sync meets them.
  files.push({ path: HEAD_FILE, text: headText });
  files.reverse();

  checkAsTheAppReads(files, settings, entries, problems);
  if (options.previous?.size) unseenChanges(options.previous, new Set(head.map((e) => e.id)), live, problems);
  if (problems.some((p) => p.severity === 'error')) return result;
  const calendars = calendarFiles(files, feedUrlOf(settings), options.now ?? Date.now());
  Object.assign(result, {
    files,
    calendars,
    items: live.length,
    retractions: retracted.length,
    headItems: head.length,
    archives: archiveCount,
  });
  return result;
}

/** The head's address: its `feed_url`, else a placeholder that relative URLs resolve against. */
function feedUrlOf(settings: Settings): string {
  return typeof settings.top.feed_url === 'string' ? settings.top.feed_url : 'https://feed.invalid/feed.json';
}

/**
 * Writes the built files into `outDir` and removes archive pages of earlier builds there, and
 * their calendars when `calendars` are given, so the folder holds exactly this build's feed. A
 * file whose bytes are already there is not rewritten (dev servers and sync tools see no
 * change).
 */
export function writeFeed(
  outDir: string,
  files: readonly BuiltFile[],
  calendars?: readonly BuiltFile[],
): void {
  mkdirSync(join(outDir, ARCHIVE_DIR), { recursive: true });
  if (calendars) mkdirSync(join(outDir, CALENDAR_DIR), { recursive: true });
  const all = [...files, ...(calendars ?? [])];
  for (const file of all) {
    const path = join(outDir, file.path);
    let old: string | undefined;
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      old = undefined;
    }
    if (old !== file.text) writeFileSync(path, file.text);
  }
  const wanted = new Set(all.map((file) => file.path));
  for (const name of readdirSync(join(outDir, ARCHIVE_DIR))) {
    if (ARCHIVE_NAME.test(name) && !wanted.has(`${ARCHIVE_DIR}/${name}`)) {
      rmSync(join(outDir, ARCHIVE_DIR, name));
    }
  }
  if (!calendars) return;
  for (const name of readdirSync(join(outDir, CALENDAR_DIR))) {
    if (name.endsWith('.ics') && !wanted.has(`${CALENDAR_DIR}/${name}`))
      rmSync(join(outDir, CALENDAR_DIR, name));
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A page's items as lists show them: newest published first. */
function readingOrder(entries: Entry[]): Raw[] {
  return [...entries]
    .sort((a, b) => published(b) - published(a) || compare(a.id, b.id))
    .map((entry) => entry.json);
}

const published = (entry: Entry) => Date.parse(String(entry.json.date_published));

function pageText(settings: Settings, items: Raw[], nextUrl: string | undefined): string {
  const doc: Raw = {};
  for (const key of Object.keys(feedSchema.entries)) {
    if (key === 'version') doc.version = 'https://jsonfeed.org/version/1.1';
    else if (key === 'next_url') {
      if (nextUrl) doc.next_url = nextUrl;
    } else if (key === 'items') doc.items = items;
    else if (key === '_city') {
      if (Object.keys(settings.city).length) doc._city = settings.city;
    } else if (settings.top[key] !== undefined) doc[key] = settings.top[key];
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `value` with the keys of every object in the order of `shape` (the contract's order). */
function ordered(value: unknown, shape: Shape | undefined): unknown {
  if (shape?.items && Array.isArray(value)) return value.map((entry) => ordered(entry, shape.items));
  if (shape?.fields && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const out: Raw = {};
    for (const [key, inner] of Object.entries(shape.fields)) {
      const field = (value as Raw)[key];
      if (field !== undefined && field !== null) out[key] = ordered(field, inner);
    }
    return out;
  }
  return value;
}

function schemaProblems(
  located: Located,
  schema: v.GenericSchema,
  value: unknown,
  prefix: Path,
  problems: ContentProblem[],
): boolean {
  const checked = v.safeParse(schema, value);
  if (checked.success) return true;
  for (const issue of checked.issues) {
    const path = [...prefix, ...issuePath(issue)];
    problems.push({
      severity: 'error',
      file: located.file,
      line: located.lineOf(path),
      field: fieldName(path),
      message: explainIssue(issue, true),
    });
  }
  return false;
}

function readSettings(
  dir: string,
  file: string | undefined,
  options: BuildOptions,
  problems: ContentProblem[],
): Settings | undefined {
  if (!file) {
    problems.push({
      severity: 'error',
      file: FEED_FILE,
      message: `The content folder has no ${FEED_FILE}: it names the feed (title, timezone, languages, …).`,
    });
    return undefined;
  }
  const bytes = readContentFile(dir, file);
  for (const problem of bytes.problems) problems.push(problem);
  if (bytes.text === undefined) return undefined;
  const parsed = parseYaml(file, bytes.text, 1);
  problems.push(...parsed.problems);
  const located = parsed.located;
  if (!located) return undefined;
  const fail = (message: string, path: Path = []) => {
    problems.push({
      severity: 'error',
      file,
      line: located.lineOf(path),
      ...(path.length ? { field: fieldName(path) } : {}),
      message,
    });
  };
  const raw = located.value as Raw | null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(`${FEED_FILE} must be fields, one per line ("title: …").`);
    return undefined;
  }
  const before = problems.length;
  problems.push(...located.unknownFields(FEED_SETTINGS, FEED_SETTINGS_HINTS));
  const cityKeys = Object.keys(feedCitySchema.entries);
  const top: Raw = {};
  const city: Raw = {};
  for (const [key, value] of Object.entries(raw)) {
    const own = (feedSchema.entries as Raw)[key];
    const inCity = cityKeys.includes(key) ? feedCitySchema.entries[key] : undefined;
    const schema = (inCity ?? (key in FEED_SETTINGS_HINTS ? undefined : own)) as v.GenericSchema | undefined;
    if (!schema) continue;
    if (schemaProblems(located, schema, value, [key], problems) && value !== null) {
      (inCity ? city : top)[key] = value;
    }
  }
  if (typeof top.title !== 'string' || !top.title.trim())
    fail('title is required: the name of the feed.', ['title']);
  const zone = city.timezone;
  if (typeof zone !== 'string') {
    fail('timezone is required: the IANA time zone of the city, such as Asia/Shanghai.', ['timezone']);
  } else if (!validZone(zone)) {
    fail(`timezone "${zone}" is not an IANA time zone name, such as Asia/Shanghai.`, ['timezone']);
  }
  const home = top.home_page_url;
  if (typeof home === 'string' && !/^https?:\/\/[^/]/.test(home)) {
    fail(`home_page_url "${home}" must be a full http(s) address.`, ['home_page_url']);
  }
  const paging = (raw.paging ?? {}) as Raw;
  const count = (name: string, fallback: number, given?: number): number => {
    const value = given ?? paging[name] ?? fallback;
    if (!Number.isInteger(value) || (value as number) < 1) {
      fail(`paging.${name} must be a whole number of at least 1.`, ['paging', name]);
      return fallback;
    }
    return value as number;
  };
  const headItems = count('head_items', DEFAULT_HEAD_ITEMS, options.headItems);
  const archiveItems = count('archive_items', DEFAULT_ARCHIVE_ITEMS, options.archiveItems);
  if (problems.length > before) return undefined;
  const languages = Array.isArray(city.languages) ? (city.languages as string[]) : [];
  return {
    top,
    city: ordered(city, shapeOf(feedCitySchema)) as Raw,
    zone: zone as string,
    language: typeof top.language === 'string' ? top.language : undefined,
    languages,
    home: typeof home === 'string' ? home : undefined,
    labels: typeof city.tags === 'object' && city.tags !== null ? (city.tags as Raw) : undefined,
    headItems,
    archiveItems,
  };
}

const FRONT = FRONT_MATTER.fields ?? {};
const EVENT_SHAPE: Shape = FRONT.event ?? {};

/** One item file to an entry, or nothing when it has an error. */
function readEntry(source: ItemSource, settings: Settings, problems: ContentProblem[]): Entry | undefined {
  const { file, front } = source;
  const fm = front.value as Raw;
  const before = problems.length;
  const fail = (path: Path, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({
      severity,
      file,
      line: front.lineOf(path),
      ...(path.length ? { field: fieldName(path) } : {}),
      message,
    });
  problems.push(...front.unknownFields(FRONT_MATTER, FRONT_MATTER_HINTS));

  // The language: front matter, else the file name's last part when it is one of the feed's
  // languages (`welcome.zh-Hans.md`), else the feed's own.
  const base = file.split('/').pop()?.replace(/\.md$/, '') ?? file;
  const suffix = /\.([^.]+)$/.exec(base)?.[1];
  const fromName = suffix && settings.languages.includes(suffix) ? suffix : undefined;
  const name = fromName ? base.slice(0, -fromName.length - 1) : base;
  if (suffix && !fromName && LANGUAGE_TAG.test(suffix) && settings.languages.length) {
    fail(
      [],
      `The file name ends in ".${suffix}", which is not one of the feed's languages (${settings.languages.join(', ')}): name the file for one of them, or set language.`,
    );
  }
  let language = typeof fm.language === 'string' ? fm.language : (fromName ?? settings.language);
  if (typeof fm.language === 'string' && fromName && fm.language !== fromName) {
    fail(['language'], `language is "${fm.language}" but the file name says "${fromName}".`);
    language = fm.language;
  }
  if (language && settings.languages.length && !settings.languages.includes(language)) {
    fail(
      fm.language ? ['language'] : [],
      `The language "${language}" is not one of the feed's languages (${settings.languages.join(', ')} in ${FEED_FILE}).`,
    );
  }

  const folderKind = KIND_OF_FOLDER[file.split('/')[0] ?? ''];
  const kind = (typeof fm.kind === 'string' ? fm.kind : (folderKind ?? 'news')) as ItemKind;
  const id =
    typeof fm.id === 'string' || typeof fm.id === 'number' || typeof fm.id === 'boolean'
      ? String(fm.id)
      : file.replace(/\.md$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  if (fm.id !== undefined && id.trim() === '') fail(['id'], 'id must not be empty.');
  const translationKey = typeof fm.translation_key === 'string' ? fm.translation_key : undefined;
  if (fm.translation_key !== undefined && !translationKey?.trim()) {
    fail(
      ['translation_key'],
      'translation_key must be text: the name every language version of the item shares.',
    );
  }

  if (fm.deleted === true) {
    return {
      source,
      name,
      id,
      kind,
      language,
      translationKey,
      deleted: true,
      changed: 0,
      json: { id, _city: { deleted: true } },
    };
  }

  // What the schemas check: types, required fields, kinds. Event and contact are checked
  // apart, as the app does, so that each problem names its own field.
  const itemPart: Raw = {};
  for (const key of Object.keys(itemSchema.entries)) {
    if (key !== '_city' && fm[key] !== undefined) itemPart[key] = fm[key];
  }
  const cityPart: Raw = {};
  for (const key of Object.keys(citySchema.entries)) {
    if (key !== 'event' && key !== 'contact' && fm[key] !== undefined) cityPart[key] = fm[key];
  }
  schemaProblems(front, itemSchema, { ...itemPart, id }, [], problems);
  schemaProblems(front, citySchema, cityPart, [], problems);
  if (fm.format !== undefined && fm.format !== 'markdown' && fm.format !== 'text') {
    fail(['format'], 'format must be "markdown" (the default) or "text" (plain text, shown as written).');
  }

  const zone = settings.zone;
  const dateField = (name: string, required: boolean) => {
    const value = fm[name];
    if (value === undefined || value === null) {
      if (required) {
        fail([], `${name} is required: when the item was published, such as 2027-03-20T10:00:00+08:00.`);
      }
      return;
    }
    if (typeof value !== 'string') return;
    const problem = dateTimeProblem(value, zone);
    if (problem) fail([name], problem);
  };
  dateField('date_published', true);
  dateField('date_modified', false);
  if ('expires' in citySchema.entries) dateField('expires', false);

  let slug = typeof fm.slug === 'string' ? fm.slug : undefined;
  if (slug !== undefined && !SLUG.test(slug)) {
    fail(['slug'], `slug "${slug}" may hold only a-z, 0-9 and "-" (1 to 80 characters).`);
  }
  if (fm.slug === undefined) {
    slug =
      base
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80)
        .replace(/-+$/, '') || undefined;
  }

  if (kind !== 'event' && fm.event !== undefined) {
    fail(['event'], `event is only for events (kind: event); this item is ${kind}.`);
  }
  if (kind !== 'contact' && fm.contact !== undefined) {
    fail(['contact'], `contact is only for contacts (kind: contact); this item is ${kind}.`);
  }
  if (fm.urgent === true && kind !== 'news') {
    fail(['urgent'], `urgent marks news items only (a typhoon warning, a closure); this item is ${kind}.`);
  }
  if (kind === 'event') checkEvent(front, fm.event, settings, fail, problems);
  if (kind === 'contact') {
    if (fm.contact === undefined || fm.contact === null) {
      fail([], 'A contact (kind: contact) needs a contact: block with at least a name.');
    } else schemaProblems(front, contactSchema, fm.contact, ['contact'], problems);
  }
  if (settings.labels && Array.isArray(fm.tags)) {
    fm.tags.forEach((tag, i) => {
      if (typeof tag === 'string' && !(tag in (settings.labels as Raw))) {
        fail(
          ['tags', i],
          `The tag "${tag}" has no label in ${FEED_FILE} (tags): the app shows it as written.`,
          'warning',
        );
      }
    });
  }
  if (problems.slice(before).some((p) => p.severity === 'error')) return undefined;

  const body = source.body.trim();
  const json: Raw = {};
  for (const [key, shape] of Object.entries(shapeOf(itemSchema).fields ?? {})) {
    if (key === 'id') json.id = id;
    else if (key === 'url') {
      const url =
        fm.url ??
        (settings.home ? new URL(itemPath({ kind, key: slug ?? id }), settings.home).href : undefined);
      if (url !== undefined) json.url = url;
    } else if (key === 'content_html') {
      if (body && fm.format !== 'text') json.content_html = markdown.render(body).trim();
    } else if (key === 'content_text') {
      if (body && fm.format === 'text') json.content_text = body;
    } else if (key === 'language') {
      if (language) json.language = language;
    } else if (key === '_city') {
      const city: Raw = {};
      for (const cityKey of Object.keys(citySchema.entries)) {
        if (cityKey === 'kind') city.kind = kind;
        else if (cityKey === 'slug') {
          if (slug) city.slug = slug;
        } else if (cityKey === 'translations') city.translations = [];
        else if (cityKey === 'event') {
          if (fm.event != null) city.event = ordered(fm.event, EVENT_SHAPE);
        } else if (cityKey === 'contact') {
          if (fm.contact != null) city.contact = ordered(fm.contact, FRONT.contact);
        } else if (fm[cityKey] !== undefined && fm[cityKey] !== null) city[cityKey] = fm[cityKey];
      }
      json._city = city;
    } else if (fm[key] !== undefined && fm[key] !== null) json[key] = ordered(fm[key], shape);
  }
  for (const note of itemRules(json)) problems.push(atField(source, note.field, note.message, 'warning'));

  const modified = typeof fm.date_modified === 'string' ? Date.parse(fm.date_modified) : 0;
  const changed = Math.max(Date.parse(String(fm.date_published)), modified);
  return { source, name, id, kind, language, slug, translationKey, deleted: false, changed, json };
}

function checkEvent(
  front: Located,
  event: unknown,
  settings: Settings,
  fail: (path: Path, message: string) => void,
  problems: ContentProblem[],
): void {
  if (event === undefined || event === null) {
    fail([], 'An event (kind: event) needs an event: block with at least a start.');
    return;
  }
  if (!schemaProblems(front, eventSchema, event, ['event'], problems)) return;
  const e = event as Raw;
  const allDay = e.all_day === true;
  let zone = settings.zone;
  if (typeof e.timezone === 'string') {
    if (validZone(e.timezone)) zone = e.timezone;
    else
      fail(
        ['event', 'timezone'],
        `timezone "${e.timezone}" is not an IANA time zone name, such as Asia/Shanghai.`,
      );
  }
  const time = (name: 'start' | 'end') => {
    const value = e[name];
    if (typeof value !== 'string') return undefined;
    if (allDay) {
      if (isCalendarDate(value)) return Date.parse(`${value}T00:00:00Z`);
      fail(['event', name], `"${value}" is not a date (YYYY-MM-DD), as an all-day event needs.`);
      return undefined;
    }
    const problem = dateTimeProblem(value, zone);
    if (problem) fail(['event', name], problem);
    return problem ? undefined : Date.parse(value);
  };
  const start = time('start');
  const end = time('end');
  if (start !== undefined && end !== undefined && end < start) {
    fail(['event', 'end'], 'The event ends before it starts.');
  }
  if (typeof e.status === 'string' && !(EVENT_STATUSES as readonly string[]).includes(e.status)) {
    fail(['event', 'status'], `status must be one of ${EVENT_STATUSES.join(', ')}, not "${e.status}".`);
  }
  if (Array.isArray(e.contacts)) {
    e.contacts.forEach((entry, i) => {
      if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
        schemaProblems(front, contactSchema, entry, ['event', 'contacts', i], problems);
      } else if (typeof entry !== 'string') {
        fail(
          ['event', 'contacts', i],
          'An event contact is the id of a contact item (text) or a contact written out (name: …).',
        );
      }
    });
  }
}

/**
 * A problem with a field of the built item (`_city.event.venue.lat`, `content_html`) at the
 * line where the file writes it: the key in the front matter (`event.venue.lat`), the body's
 * first line for the content, the front matter's start when the file does not name it.
 */
function atField(
  source: ItemSource,
  field: string | undefined,
  message: string,
  severity: 'error' | 'warning',
): ContentProblem {
  if (field === 'content_html' || field === 'content_text') {
    return { severity, file: source.file, line: source.bodyLine, field: 'body', message };
  }
  const path: Path = (field ?? '')
    .replace(/^_city\./, '')
    .split(/\.|\[(\d*)\]/)
    .filter((step): step is string => Boolean(step))
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  return {
    severity,
    file: source.file,
    line: source.front.lineOf(path),
    ...(path.length ? { field: fieldName(path) } : {}),
    message,
  };
}

/** What only the whole folder can check: unique ids and slugs, translations, contact references. */
function linkEntries(entries: Entry[], problems: ContentProblem[]): void {
  const at = (entry: Entry, path: Path, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({
      severity,
      file: entry.source.file,
      line: entry.source.front.lineOf(path),
      ...(path.length ? { field: fieldName(path) } : {}),
      message,
    });
  const where = (entry: Entry, path: Path) => `${entry.source.file}:${entry.source.front.lineOf(path)}`;

  const byId = new Map<string, Entry>();
  for (const entry of entries) {
    const other = byId.get(entry.id);
    if (other) {
      at(
        entry,
        ['id'],
        `The id "${entry.id}" is already the id of ${where(other, ['id'])}: ids must be unique.`,
      );
    } else byId.set(entry.id, entry);
  }
  const bySlug = new Map<string, Entry>();
  for (const entry of entries) {
    if (entry.deleted || !entry.slug) continue;
    const slot = `${entry.kind}/${entry.slug}`;
    const other = bySlug.get(slot);
    if (other) {
      at(
        entry,
        ['slug'],
        `The slug "${entry.slug}" is already the slug of ${where(other, ['slug'])}: two ${entry.kind} items cannot share an address. Set a different slug.`,
      );
    } else bySlug.set(slot, entry);
  }

  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (!entry.translationKey) continue;
    groups.set(entry.translationKey, [...(groups.get(entry.translationKey) ?? []), entry]);
  }
  for (const [key, group] of groups) {
    const [first] = group;
    if (group.length === 1 && first) {
      at(
        first,
        ['translation_key'],
        `translation_key "${key}" has no partner: no other file has it. Give the other language's file the same translation_key, or remove it here.`,
      );
      continue;
    }
    const live = group.filter((e) => !e.deleted);
    const kind = live[0]?.kind;
    const seen = new Map<string | undefined, Entry>();
    for (const entry of live) {
      const same = seen.get(entry.language);
      if (same) {
        at(
          entry,
          ['translation_key'],
          `translation_key "${key}" already has a ${entry.language ?? 'default-language'} version, ${where(same, ['translation_key'])}: each language once.`,
        );
      } else seen.set(entry.language, entry);
      if (entry.kind !== kind) {
        at(
          entry,
          ['translation_key'],
          `A translation must be the same kind of item: this is ${entry.kind}, ${live[0]?.source.file} is ${kind}.`,
        );
      }
    }
    for (const entry of live) {
      const city = entry.json._city as Raw;
      city.translations = live
        .filter((other) => other !== entry && other.language)
        .sort((a, b) => compare(a.language ?? '', b.language ?? '') || compare(a.id, b.id))
        .map((other) => ({ language: other.language, id: other.id }));
    }
  }
  for (const entry of entries) {
    const city = entry.json._city as Raw | undefined;
    if (Array.isArray(city?.translations) && city.translations.length === 0) delete city.translations;
  }

  for (const entry of entries) {
    const event = (entry.json._city as Raw | undefined)?.event as Raw | undefined;
    if (!Array.isArray(event?.contacts)) continue;
    event.contacts.forEach((ref, i) => {
      if (typeof ref !== 'string') return;
      const path = ['event', 'contacts', i];
      const target = byId.get(ref);
      if (!target) {
        const near = entries.find(
          (e) =>
            e.kind === 'contact' &&
            !e.deleted &&
            [e.slug, e.translationKey, e.name].includes(ref) &&
            (!entry.language || e.language === entry.language),
        );
        at(
          entry,
          path,
          `The contact "${ref}" is no item of the feed: no file has the id "${ref}".${near ? ` Did you mean "${near.id}" (${near.source.file})?` : ''}`,
        );
      } else if (target.deleted) {
        at(
          entry,
          path,
          `The contact "${ref}" is retracted (${target.source.file}): remove it from this event.`,
        );
      } else if (target.kind !== 'contact') {
        at(entry, path, `"${ref}" is a ${target.kind} item (${target.source.file}), not a contact.`);
      } else if (entry.language && target.language !== entry.language && target.translationKey) {
        const own = entries.find(
          (e) => e.translationKey === target.translationKey && e.language === entry.language && !e.deleted,
        );
        if (own) {
          at(
            entry,
            path,
            `The contact "${ref}" is the ${target.language} version; this event is in ${entry.language}: use "${own.id}".`,
            'warning',
          );
        }
      }
    });
  }
}

/**
 * The items of a feed written before into `outDir` (its head and the archive pages it links
 * to), by id; empty when there is none.
 */
export function readPreviousFeed(outDir: string): Map<string, unknown> {
  const items = new Map<string, unknown>();
  const seen = new Set<string>();
  for (let path: string | undefined = HEAD_FILE; path && !seen.has(path);) {
    seen.add(path);
    let page: { next_url?: unknown; items?: unknown };
    try {
      page = JSON.parse(readFileSync(join(outDir, path), 'utf8')) as typeof page;
    } catch {
      break;
    }
    for (const item of Array.isArray(page.items) ? page.items : []) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') items.set(id, item);
    }
    const next = typeof page.next_url === 'string' ? page.next_url : undefined;
    // Only the relative links a build writes: `feed/archive-…` from the head, a sibling after.
    path = next && !/^[a-z]+:|^\//i.test(next) ? posix.join(posix.dirname(path), next) : undefined;
  }
  return items;
}

/**
 * A phone's sync reads the head and stops at the first page with an item it has: an item that
 * changed, or appeared, outside the head never reaches the phones that have the feed already.
 */
function unseenChanges(
  previous: ReadonlyMap<string, unknown>,
  head: ReadonlySet<string>,
  live: readonly Entry[],
  problems: ContentProblem[],
): void {
  for (const entry of live) {
    if (head.has(entry.id)) continue;
    const before = previous.get(entry.id);
    if (before !== undefined && JSON.stringify(before) === JSON.stringify(entry.json)) continue;
    const field = entry.json.date_modified === undefined ? 'date_published' : 'date_modified';
    problems.push({
      severity: 'warning',
      file: entry.source.file,
      line: entry.source.front.lineOf([field]),
      field,
      message:
        before === undefined
          ? 'This item is new, but dated before the newest items, so it goes to an archive page: the phones that have the feed already will not get it. Date it now (date_published, or date_modified).'
          : 'This item changed, but its dates did not, so it stays in an archive page: the phones that have it will not see the change. Set date_modified to now.',
    });
  }
}

/**
 * The built pages read by the app's own parser, as a reader's sync would: anything it would
 * skip or warn about is a content error here, on the item's file.
 */
function checkAsTheAppReads(
  files: BuiltFile[],
  settings: Settings,
  entries: Entry[],
  problems: ContentProblem[],
): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const base = feedUrlOf(settings);
  for (const file of files) {
    const parsed = parseFeed(file.text, { baseUrl: new URL(file.path, base).href, receivedAt: 0 });
    if (!parsed.ok) {
      problems.push({
        severity: 'error',
        file: FEED_FILE,
        message: `The built ${file.path}: ${parsed.error}`,
      });
      continue;
    }
    const page = JSON.parse(file.text) as { items: Raw[] };
    const tooBig = pageSizeProblem(Buffer.byteLength(file.text));
    if (tooBig) {
      // Named at the page's largest item: the likeliest to shorten or to split.
      const sizes = page.items.map((item) => Buffer.byteLength(JSON.stringify(item)));
      const largest = sizes.reduce((best, size, i) => (size > (sizes[best] ?? 0) ? i : best), 0);
      const entry = byId.get(String(page.items[largest]?.id));
      const message = `${file.path}: ${tooBig} Its largest item, this file, is ${sizes[largest]?.toLocaleString('en')} bytes.`;
      problems.push(
        entry
          ? { severity: 'warning', file: entry.source.file, line: entry.source.bodyLine, message }
          : { severity: 'warning', file: FEED_FILE, message },
      );
    }
    // JSON Feed's own rules: the build writes the feed's fields itself, so an item can break one.
    for (const spec of specProblems(page, { first: false })) {
      const entry = spec.index === undefined ? undefined : byId.get(String(page.items[spec.index]?.id));
      if (spec.severity !== 'error') continue;
      const message =
        spec.field === 'content_html' && entry && !entry.source.body.trim()
          ? 'The item has no text below its front matter: JSON Feed requires content in every item. Write it after the closing "---".'
          : spec.message;
      problems.push(
        entry
          ? atField(entry.source, spec.field, message, 'error')
          : { severity: 'error', file: FEED_FILE, message },
      );
    }
    for (const [problem, what] of [
      ...parsed.skipped.map((p) => [p, 'skips the item'] as const),
      ...parsed.warnings.map((p) => [p, 'warns'] as const),
    ]) {
      const entry = problem.id === undefined ? undefined : byId.get(problem.id);
      const message = `The app ${what}: ${problem.message}`;
      const field = entry && fieldOf(problem.message, entry.json);
      problems.push(
        entry
          ? atField(entry.source, field, message, 'error')
          : { severity: 'error', file: FEED_FILE, message },
      );
    }
  }
}
