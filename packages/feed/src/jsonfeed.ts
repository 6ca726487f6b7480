/**
 * JSON Feed 1.1's own rules (https://jsonfeed.org/version/1.1), by type and presence, for any
 * feed: what the spec requires is an error, what it asks for ("should") a warning. The app's
 * parser reads around much of this (a `null`, a top-level field of the wrong type, an item with
 * no content), so `validate` checks it here as well as what the app does. The rules are
 * tables, one row per field, so that the tests can walk the same rows
 * (jsonfeed.test.ts, the conformance table).
 */
import { dateTimeProblem, didYouMean } from './content';

/** What a field holds, in the spec's words. */
export type FieldType =
  | 'string'
  | 'url'
  | 'date'
  | 'language'
  | 'boolean'
  | 'number'
  | 'strings'
  | 'id'
  | 'version'
  | 'author'
  | 'authors'
  | 'hubs'
  | 'attachments'
  | 'items';

/** The top-level fields of JSON Feed 1.1 (with 1.0's `author`, deprecated but valid forever). */
export const TOP_FIELDS: Readonly<Record<string, FieldType>> = {
  version: 'version',
  title: 'string',
  home_page_url: 'url',
  feed_url: 'url',
  description: 'string',
  user_comment: 'string',
  next_url: 'url',
  icon: 'url',
  favicon: 'url',
  authors: 'authors',
  author: 'author',
  language: 'language',
  expired: 'boolean',
  hubs: 'hubs',
  items: 'items',
};

export const ITEM_FIELDS: Readonly<Record<string, FieldType>> = {
  id: 'id',
  url: 'url',
  external_url: 'url',
  title: 'string',
  content_html: 'string',
  content_text: 'string',
  summary: 'string',
  image: 'url',
  banner_image: 'url',
  date_published: 'date',
  date_modified: 'date',
  authors: 'authors',
  author: 'author',
  tags: 'strings',
  language: 'language',
  attachments: 'attachments',
};

export const AUTHOR_FIELDS: Readonly<Record<string, FieldType>> = {
  name: 'string',
  url: 'url',
  avatar: 'url',
};
export const HUB_FIELDS: Readonly<Record<string, FieldType>> = { type: 'string', url: 'url' };
export const ATTACHMENT_FIELDS: Readonly<Record<string, FieldType>> = {
  url: 'url',
  mime_type: 'string',
  title: 'string',
  size_in_bytes: 'number',
  duration_in_seconds: 'number',
};

/** The JSON Feed versions this validator knows. */
export const VERSIONS = ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'] as const;

export interface SpecProblem {
  severity: 'error' | 'warning';
  /** The item's place in `items`, for a problem of an item. */
  index?: number;
  /** The field as a path in the page's JSON (`items` left out for an item's). */
  field?: string;
  message: string;
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const WANT: Record<FieldType, string> = {
  string: 'text (a JSON string)',
  url: 'a URL (a JSON string)',
  date: 'an RFC 3339 date-time (a JSON string)',
  language: 'a language tag such as en or zh-Hans (a JSON string)',
  boolean: 'true or false',
  number: 'a number',
  strings: 'a list of strings',
  id: 'a string',
  version: `the version's URL, ${VERSIONS[1]}`,
  author: 'an object with name, url or avatar',
  authors: 'a list of objects with name, url or avatar',
  hubs: 'a list of objects with type and url',
  attachments: 'a list of objects with url and mime_type',
  items: 'a list of items',
};

/**
 * The spec's problems of one feed page (a parsed JSON object). `first`: the page a reader
 * subscribes to, where the feed-wide recommendations are checked; `zone` names the time zone
 * a date without an offset is suggested in.
 */
export function specProblems(doc: Raw, options: { first: boolean; zone?: string }): SpecProblem[] {
  const out: SpecProblem[] = [];
  const zone = options.zone ?? 'UTC';
  const add = (
    severity: SpecProblem['severity'],
    field: string | undefined,
    message: string,
    index?: number,
  ) =>
    out.push({ severity, ...(index !== undefined ? { index } : {}), ...(field ? { field } : {}), message });

  checkObject(doc, TOP_FIELDS, '', { add, zone });
  for (const key of ['version', 'title'] as const) {
    if (!(key in doc)) {
      add(
        'error',
        key,
        key === 'version'
          ? `The feed has no version: JSON Feed requires one, "${VERSIONS[1]}".`
          : 'The feed has no title: JSON Feed requires one (the name of the feed).',
      );
    }
  }
  const version = doc.version;
  if (typeof version === 'string' && !(VERSIONS as readonly string[]).includes(version)) {
    add(
      /^https:\/\/jsonfeed\.org\/version\/\d/.test(version) ? 'warning' : 'error',
      'version',
      `version "${version}" is not a version of JSON Feed this validator knows (${VERSIONS.join(', ')}).`,
    );
  }
  if (typeof doc.next_url === 'string' && doc.next_url === doc.feed_url) {
    add('error', 'next_url', 'next_url is the feed_url: JSON Feed forbids it (a reader would loop).');
  }
  if (options.first) {
    for (const key of ['home_page_url', 'feed_url'] as const) {
      if (!(key in doc)) {
        add(
          'warning',
          key,
          `The feed has no ${key}: JSON Feed asks for one on every feed published on the web${key === 'feed_url' ? ' (it identifies the feed)' : ''}.`,
        );
      }
    }
    for (const key of ['icon', 'favicon'] as const) {
      if (!(key in doc)) {
        add(
          'warning',
          key,
          `The feed has no ${key}: JSON Feed asks publishers for one, so that readers need not scrape the site for it.`,
        );
      }
    }
  }
  if (version === VERSIONS[1] && 'author' in doc && !('authors' in doc)) {
    add(
      'warning',
      'author',
      'author is deprecated in JSON Feed 1.1: write authors, a list, as well or instead.',
    );
  }

  const items = Array.isArray(doc.items) ? doc.items : [];
  items.forEach((item, index) => {
    const itemAdd = (severity: SpecProblem['severity'], field: string | undefined, message: string) =>
      add(severity, field, message, index);
    if (!isObject(item)) {
      itemAdd('error', undefined, `An item must be an object, not ${describe(item)}.`);
      return;
    }
    checkObject(item, ITEM_FIELDS, '', { add: itemAdd, zone });
    // A retraction is the contract's tombstone (docs/feed-format.md): its id is all it holds.
    const city = item._city;
    if (isObject(city) && city.deleted === true) return;
    if (!('id' in item)) itemAdd('error', 'id', 'The item has no id: JSON Feed requires one.');
    if (!('content_html' in item) && !('content_text' in item)) {
      itemAdd(
        'error',
        'content_html',
        'The item has neither content_html nor content_text: JSON Feed requires one or both.',
      );
    }
    if (!('url' in item)) {
      itemAdd('warning', 'url', 'The item has no url: JSON Feed asks for its permalink on every item.');
    }
    if (version === VERSIONS[1] && 'author' in item && !('authors' in item)) {
      itemAdd(
        'warning',
        'author',
        'author is deprecated in JSON Feed 1.1: write authors, a list, as well or instead.',
      );
    }
  });
  return out;
}

interface Sink {
  add: (severity: SpecProblem['severity'], field: string | undefined, message: string) => void;
  zone: string;
}

/** An object's fields against their table; keys of neither the table nor an extension are errors. */
function checkObject(
  value: Raw,
  fields: Readonly<Record<string, FieldType>>,
  path: string,
  sink: Sink,
): void {
  for (const [key, field] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.startsWith('_')) {
      checkExtension(key, field, at, sink);
      continue;
    }
    // Own keys only: "constructor" or "toString" are no field of JSON Feed.
    const type = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!type) {
      sink.add(
        'error',
        at,
        `JSON Feed 1.1 has no field "${key}" here. ${didYouMean(key, Object.keys(fields))} A field of your own is an extension: its name starts with "_" and a letter.`,
      );
      continue;
    }
    checkValue(field, type, at, sink);
  }
}

function checkValue(value: unknown, type: FieldType, at: string, sink: Sink): void {
  const wrong = () =>
    sink.add(
      'error',
      at,
      value === null
        ? `${at} is null: JSON Feed has no null values; it should be ${WANT[type]}. Leave the field out when it has no value.`
        : `${at} should be ${WANT[type]}, not ${describe(value)}.`,
    );
  switch (type) {
    case 'string':
    case 'url':
      if (typeof value !== 'string') wrong();
      return;
    case 'version':
      if (typeof value !== 'string') wrong();
      return;
    case 'date': {
      if (typeof value !== 'string') return wrong();
      const problem = dateTimeProblem(value, sink.zone);
      if (problem) sink.add('error', at, `${at} ${problem} JSON Feed dates are RFC 3339.`);
      return;
    }
    case 'language':
      if (typeof value !== 'string') return wrong();
      try {
        Intl.getCanonicalLocales(value);
      } catch {
        sink.add(
          'error',
          at,
          `${at} "${value}" is not a language tag (RFC 5646), such as en, en-US or zh-Hans.`,
        );
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') wrong();
      return;
    case 'number':
      if (typeof value !== 'number') wrong();
      return;
    case 'strings':
      if (!Array.isArray(value)) return wrong();
      value.forEach((entry, i) => {
        if (typeof entry !== 'string') checkValue(entry, 'string', `${at}[${i}]`, sink);
      });
      return;
    case 'id':
      if (typeof value === 'number' || typeof value === 'boolean') {
        sink.add(
          'warning',
          at,
          `id should be a string, not ${describe(value)} (JSON Feed 1.1): readers turn it into one.`,
        );
      } else if (typeof value !== 'string') wrong();
      else if (value.trim() === '')
        sink.add('error', at, 'id is blank: JSON Feed requires an id that is not blank.');
      return;
    case 'author':
      if (!isObject(value)) return wrong();
      checkAuthor(value, at, sink);
      return;
    case 'authors':
    case 'hubs':
    case 'attachments': {
      if (!Array.isArray(value)) return wrong();
      if (type === 'authors' && value.length === 0) {
        sink.add(
          'warning',
          at,
          'authors is an empty list: JSON Feed means one or more authors; leave it out instead.',
        );
      }
      value.forEach((entry, i) => {
        const place = `${at}[${i}]`;
        if (!isObject(entry)) return checkValue(entry, type === 'authors' ? 'author' : 'items', place, sink);
        if (type === 'authors') return checkAuthor(entry, place, sink);
        const table = type === 'hubs' ? HUB_FIELDS : ATTACHMENT_FIELDS;
        checkObject(entry, table, place, sink);
        const required = type === 'hubs' ? ['type', 'url'] : ['url', 'mime_type'];
        for (const key of required.filter((k) => !(k in entry))) {
          sink.add(
            'error',
            `${place}.${key}`,
            `${place} has no ${key}: JSON Feed requires one in every ${type === 'hubs' ? 'hub' : 'attachment'}.`,
          );
        }
      });
      return;
    }
    case 'items':
      // Checked item by item by the caller; a list of something else is the app's rejection.
      if (!Array.isArray(value)) wrong();
      return;
  }
}

function checkAuthor(value: Raw, at: string, sink: Sink): void {
  checkObject(value, AUTHOR_FIELDS, at, sink);
  if (!Object.keys(AUTHOR_FIELDS).some((key) => key in value)) {
    sink.add(
      'error',
      at,
      `${at} has none of name, url and avatar: JSON Feed requires at least one in an author.`,
    );
  }
}

/** Extensions: `_` and a letter, no `.` in the name or its members' keys; an object. */
function checkExtension(key: string, value: unknown, at: string, sink: Sink): void {
  if (!/^_\p{L}/u.test(key) || key.includes('.')) {
    sink.add(
      'error',
      at,
      `"${key}" is not an extension's name: JSON Feed wants "_", then a letter, and no ".".`,
    );
    return;
  }
  if (!isObject(value)) {
    sink.add(
      'error',
      at,
      `The extension ${key} should be an object (JSON Feed's custom objects), not ${describe(value)}.`,
    );
    return;
  }
  const dotted = Object.keys(value).find((member) => member.includes('.'));
  if (dotted) sink.add('error', `${at}.${dotted}`, `"${dotted}": an extension's keys must not contain ".".`);
}

/** A JSON value in words: `the number 42`, `a list`, `an object`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return 'an object';
}
