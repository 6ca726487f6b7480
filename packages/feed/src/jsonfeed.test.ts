/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a conformance table: one case per rule and
 * JSON type, each with the verdict `citylink-feed validate` must give. A case is a complete,
 * valid feed with one field changed, so that it tests that field alone: `error` for what the spec
 * requires ("required", its types, "must"), `warning` for what it asks ("should", "strongly
 * recommended", deprecated), `pass` for what it allows. Written from the spec's text, not from
 * the validator's own tables (jsonfeed.ts), so that a wrong row there fails here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordFigure } from '../../../tools/support/figures';
import { validateFeed, type FeedProblem } from './validate';

type Verdict = 'pass' | 'warning' | 'error';
type Raw = Record<string, unknown>;

const scratch = mkdtempSync(join(tmpdir(), 'citylink-jsonfeed-test-'));
const verdicts = { pass: 0, warning: 0, error: 0 };
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  recordFigure('jsonfeed-conformance', {
    cases: verdicts.pass + verdicts.warning + verdicts.error,
    ...verdicts,
  });
});

const V11 = 'https://jsonfeed.org/version/1.1';
/** A feed with everything JSON Feed 1.1 requires and asks for, and one item likewise. */
const item = (): Raw => ({
  id: 'https://city.example.org/news/1',
  url: 'https://city.example.org/news/1',
  content_text: 'Text.',
});
const base = (): Raw => ({
  version: V11,
  title: 'Test City',
  home_page_url: 'https://city.example.org/',
  feed_url: 'https://city.example.org/feed.json',
  icon: 'https://city.example.org/icon.png',
  favicon: 'https://city.example.org/favicon.png',
  items: [item()],
});

let n = 0;
async function verdictOf(doc: unknown): Promise<{ verdict: Verdict; problems: FeedProblem[] }> {
  const path = join(scratch, `feed-${n++}.json`);
  writeFileSync(path, JSON.stringify(doc));
  // One page: a next_url under test leads nowhere.
  const report = await validateFeed(path, { follow: false });
  const problems = report.problems;
  const verdict = problems.some((p) => p.severity === 'error')
    ? 'error'
    : problems.length
      ? 'warning'
      : 'pass';
  if (verdict === 'error') expect(report.exitCode).toBe(1);
  else expect(report.exitCode).toBe(0);
  verdicts[verdict]++;
  return { verdict, problems };
}

/** Sets `path` (`items.0.authors.0.name`) in `doc`; `undefined` removes the field. */
function set(doc: Raw, path: string, value: unknown): Raw {
  const steps = path.split('.');
  let at: Raw = doc;
  for (const step of steps.slice(0, -1)) at = at[step] as Raw;
  const last = steps[steps.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return doc;
}

// Where a field lives, and the objects around it that the case needs.
const PLACES = {
  feed: { prefix: '', setup: (doc: Raw) => doc, field: (f: string) => f },
  item: { prefix: 'items.0.', setup: (doc: Raw) => doc, field: (f: string) => f },
  author: {
    prefix: 'items.0.authors.0.',
    setup: (doc: Raw) => set(doc, 'items.0.authors', [{ name: 'A' }]),
    field: (f: string) => `authors[0].${f}`,
  },
  hub: {
    prefix: 'hubs.0.',
    setup: (doc: Raw) => set(doc, 'hubs', [{ type: 'WebSub', url: 'https://hub.example.org/' }]),
    field: (f: string) => `hubs[0].${f}`,
  },
  attachment: {
    prefix: 'items.0.attachments.0.',
    setup: (doc: Raw) =>
      set(doc, 'items.0.attachments', [{ url: 'https://city.example.org/a.mp3', mime_type: 'audio/mpeg' }]),
    field: (f: string) => `attachments[0].${f}`,
  },
} as const;

// The JSON types a value can have, in the order of the verdict columns below; each column's
// value is the row's own valid sample when it is of that type, else this one.
const COLUMNS: [string, unknown][] = [
  ['a string', 'text'],
  ['a number', 42],
  ['a boolean', true],
  ['null', null],
  ['a list', []],
  ['an object', {}],
];
const typeOf = (value: unknown) =>
  value === null
    ? 3
    : Array.isArray(value)
      ? 4
      : ({ string: 0, number: 1, boolean: 2, object: 5 } as Record<string, number>)[typeof value];
const VERDICT: Record<string, Verdict> = { P: 'pass', W: 'warning', E: 'error' };

// place, field, a valid sample, then the verdicts for: string, number, boolean, null, list, object.
// The spec's types: "(required, string)", "(optional, boolean)", "(optional, array of objects)"…;
// null is no JSON Feed value. `author` is valid but deprecated in 1.1 (a warning without
// `authors`); an id "should" be a string, and readers coerce a number.
const TYPE_TABLE: [keyof typeof PLACES, string, unknown, string][] = [
  ['feed', 'version', V11, 'PEEEEE'],
  ['feed', 'title', 'Test City', 'PEEEEE'],
  ['feed', 'home_page_url', 'https://city.example.org/', 'PEEEEE'],
  ['feed', 'feed_url', 'https://city.example.org/feed.json', 'PEEEEE'],
  ['feed', 'description', 'About the city.', 'PEEEEE'],
  ['feed', 'user_comment', 'Add this feed to your reader.', 'PEEEEE'],
  ['feed', 'next_url', 'https://city.example.org/feed/2.json', 'PEEEEE'],
  ['feed', 'icon', 'https://city.example.org/icon.png', 'PEEEEE'],
  ['feed', 'favicon', 'https://city.example.org/favicon.png', 'PEEEEE'],
  ['feed', 'authors', [{ name: 'A' }], 'EEEEPE'],
  ['feed', 'author', { name: 'A' }, 'EEEEEW'],
  ['feed', 'language', 'zh-Hans', 'PEEEEE'],
  ['feed', 'expired', true, 'EEPEEE'],
  ['feed', 'hubs', [{ type: 'WebSub', url: 'https://hub.example.org/' }], 'EEEEPE'],
  ['item', 'id', 'https://city.example.org/news/1', 'PWWEEE'],
  ['item', 'url', 'https://city.example.org/news/1', 'PEEEEE'],
  ['item', 'external_url', 'https://example.org/elsewhere', 'PEEEEE'],
  ['item', 'title', 'A title', 'PEEEEE'],
  ['item', 'content_html', '<p>Hi</p>', 'PEEEEE'],
  ['item', 'content_text', 'Hi', 'PEEEEE'],
  ['item', 'summary', 'A sentence.', 'PEEEEE'],
  ['item', 'image', 'https://city.example.org/i.png', 'PEEEEE'],
  ['item', 'banner_image', 'https://city.example.org/b.png', 'PEEEEE'],
  ['item', 'date_published', '2010-02-07T14:04:00-05:00', 'PEEEEE'],
  ['item', 'date_modified', '2010-02-07T14:04:00Z', 'PEEEEE'],
  ['item', 'authors', [{ name: 'A' }], 'EEEEPE'],
  ['item', 'author', { name: 'A' }, 'EEEEEW'],
  ['item', 'tags', ['culture'], 'EEEEPE'],
  ['item', 'language', 'en-US', 'PEEEEE'],
  ['item', 'attachments', [{ url: 'https://city.example.org/a.mp3', mime_type: 'audio/mpeg' }], 'EEEEPE'],
  ['author', 'name', 'A', 'PEEEEE'],
  ['author', 'url', 'https://a.example.org/', 'PEEEEE'],
  ['author', 'avatar', 'https://city.example.org/a.png', 'PEEEEE'],
  ['hub', 'type', 'WebSub', 'PEEEEE'],
  ['hub', 'url', 'https://hub.example.org/', 'PEEEEE'],
  ['attachment', 'url', 'https://city.example.org/a.mp3', 'PEEEEE'],
  ['attachment', 'mime_type', 'audio/mpeg', 'PEEEEE'],
  ['attachment', 'title', 'MP3', 'PEEEEE'],
  ['attachment', 'size_in_bytes', 89970236, 'EPEEEE'],
  ['attachment', 'duration_in_seconds', 6629, 'EPEEEE'],
];

describe('JSON Feed 1.1 conformance: every field, every JSON type', () => {
  const cases = TYPE_TABLE.flatMap(([place, field, sample, row]) =>
    COLUMNS.map(([name, generic], column) => {
      const value = typeOf(sample) === column ? sample : generic;
      return [`${place} ${field} as ${name}`, place, field, value, VERDICT[row[column] ?? '']] as const;
    }),
  );
  it.each(cases)('%s', async (_, place, field, value, expected) => {
    const where = PLACES[place];
    const doc = set(where.setup(base()), `${where.prefix}${field}`, value);
    const { verdict, problems } = await verdictOf(doc);
    expect(verdict).toBe(expected);
    // The verdict is about this field, not another.
    for (const problem of problems) expect(problem.field).toBe(where.field(field));
  });
});

// The rules beyond a field's type: presence, values, and the spec's "must"s and "should"s.
const RULES: [string, (doc: Raw) => unknown, Verdict, string?][] = [
  ['no version (required)', (d) => set(d, 'version', undefined), 'error', 'version'],
  ['no title (required)', (d) => set(d, 'title', undefined), 'error', 'title'],
  ['version 1, the first version', (d) => set(d, 'version', 'https://jsonfeed.org/version/1'), 'pass'],
  ['a version that is no JSON Feed URL', (d) => set(d, 'version', '1.1'), 'error', 'version'],
  [
    'a later version this validator does not know',
    (d) => set(d, 'version', 'https://jsonfeed.org/version/2'),
    'warning',
    'version',
  ],
  [
    'no home_page_url (strongly recommended)',
    (d) => set(d, 'home_page_url', undefined),
    'warning',
    'home_page_url',
  ],
  ['no feed_url (strongly recommended)', (d) => set(d, 'feed_url', undefined), 'warning', 'feed_url'],
  ['no icon (publishers should provide it)', (d) => set(d, 'icon', undefined), 'warning', 'icon'],
  ['no favicon (publishers should provide it)', (d) => set(d, 'favicon', undefined), 'warning', 'favicon'],
  [
    'next_url the same as feed_url',
    (d) => set(d, 'next_url', 'https://city.example.org/feed.json'),
    'error',
    'next_url',
  ],
  ['expired: false', (d) => set(d, 'expired', false), 'pass'],
  ['a language that is no RFC 5646 tag', (d) => set(d, 'language', 'en_US'), 'error', 'language'],
  ['authors: an empty list ("one or more")', (d) => set(d, 'authors', []), 'warning', 'authors'],
  [
    'an author with no member (at least one is required)',
    (d) => set(d, 'authors', [{}]),
    'error',
    'authors[0]',
  ],
  ['an author that is not an object', (d) => set(d, 'authors', ['A']), 'error', 'authors[0]'],
  [
    'author and authors together (for older readers)',
    (d) => set(set(d, 'author', { name: 'A' }), 'authors', [{ name: 'A' }]),
    'pass',
  ],
  [
    'author alone in a version 1 feed',
    (d) => set(set(d, 'version', 'https://jsonfeed.org/version/1'), 'author', { name: 'A' }),
    'pass',
  ],
  [
    'a hub with no type (required)',
    (d) => set(d, 'hubs', [{ url: 'https://hub.example.org/' }]),
    'error',
    'hubs[0].type',
  ],
  ['a hub with no url (required)', (d) => set(d, 'hubs', [{ type: 'WebSub' }]), 'error', 'hubs[0].url'],
  [
    'an unknown top-level field',
    (d) => set(d, 'homepage_url', 'https://city.example.org/'),
    'error',
    'homepage_url',
  ],
  [
    'an extension',
    (d) => set(d, '_blue_shed', { about: 'https://example.org/ext', explicit: false }),
    'pass',
  ],
  ['an extension that is not an object', (d) => set(d, '_blue_shed', 'yes'), 'error', '_blue_shed'],
  ['an extension name without a letter after "_"', (d) => set(d, '_1', {}), 'error', '_1'],
  ['an extension name with "."', (d) => Object.assign(d, { '_blue.shed': {} }), 'error', '_blue.shed'],
  ['an extension member key with "."', (d) => set(d, '_blue_shed', { 'a.b': 1 }), 'error', '_blue_shed.a.b'],
  ['no items (required)', (d) => set(d, 'items', undefined), 'error'],
  ['no id (required)', (d) => set(d, 'items.0.id', undefined), 'error', 'id'],
  ['a blank id', (d) => set(d, 'items.0.id', ' '), 'error', 'id'],
  [
    'neither content_html nor content_text (one is required)',
    (d) => set(d, 'items.0.content_text', undefined),
    'error',
    'content_html',
  ],
  [
    'content_html alone',
    (d) => set(set(d, 'items.0.content_text', undefined), 'items.0.content_html', '<p>Hi</p>'),
    'pass',
  ],
  ['content_html and content_text both', (d) => set(d, 'items.0.content_html', '<p>Text.</p>'), 'pass'],
  ['no url on an item (it should be present)', (d) => set(d, 'items.0.url', undefined), 'warning', 'url'],
  [
    'a date without an offset',
    (d) => set(d, 'items.0.date_published', '2010-02-07T14:04:00'),
    'error',
    'date_published',
  ],
  ['a date without a time', (d) => set(d, 'items.0.date_modified', '2010-02-07'), 'error', 'date_modified'],
  [
    'a date with fractions of a second',
    (d) => set(d, 'items.0.date_published', '2010-02-07T14:04:00.250+08:00'),
    'pass',
  ],
  ['a tag that is not a string', (d) => set(d, 'items.0.tags', ['culture', 7]), 'error', 'tags[1]'],
  [
    'an attachment with no url (required)',
    (d) => set(d, 'items.0.attachments', [{ mime_type: 'audio/mpeg' }]),
    'error',
    'attachments[0].url',
  ],
  [
    'an attachment with no mime_type (required)',
    (d) => set(d, 'items.0.attachments', [{ url: 'https://city.example.org/a.mp3' }]),
    'error',
    'attachments[0].mime_type',
  ],
  [
    'a field of the feed in an item (user_comment)',
    (d) => set(d, 'items.0.user_comment', 'Hi'),
    'error',
    'user_comment',
  ],
  // The spec allows any URL; the app follows only http(s): its own warning, not the spec's.
  [
    'an author url that is a mailto: link',
    (d) => set(d, 'items.0.authors', [{ url: 'mailto:a@example.org' }]),
    'warning',
    'authors[].url',
  ],
  [
    'an unknown field in an author',
    (d) => set(d, 'items.0.authors', [{ name: 'A', email: 'a@example.org' }]),
    'error',
    'authors[0].email',
  ],
  [
    'a field named like a property of every object',
    (d) => set(d, 'items.0.constructor', 1),
    'error',
    'constructor',
  ],
  [
    'a field named __proto__',
    (d) => Object.defineProperty(d, '__proto__', { value: {}, enumerable: true }),
    'error',
    '__proto__',
  ],
  ['an extension in an item', (d) => set(d, 'items.0._blue_shed', { explicit: true }), 'pass'],
  [
    "a retraction: the contract's tombstone, its id alone",
    (d) => set(d, 'items', [item(), { id: 'gone', _city: { deleted: true } }]),
    'pass',
  ],
];

describe('JSON Feed 1.1 conformance: presence, values, musts and shoulds', () => {
  it.each(RULES)('%s', async (_, change, expected, field) => {
    const doc = base();
    change(doc);
    if (!('items' in doc)) {
      // No items array: the page is rejected whole (exit 2), not merely invalid.
      const path = join(scratch, `feed-${n++}.json`);
      writeFileSync(path, JSON.stringify(doc));
      expect((await validateFeed(path)).exitCode).toBe(2);
      verdicts.error++;
      return;
    }
    const { verdict, problems } = await verdictOf(doc);
    expect(verdict).toBe(expected);
    for (const problem of problems) expect(problem.field).toBe(field);
  });
});
