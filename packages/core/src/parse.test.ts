import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { describe, expect, it } from 'vitest';
import { contactSchema, eventSchema, feedSchema, itemSchema, parseFeed, type ParseResult } from './parse';
import { realFeedsCorpus as corpus } from '../../../tests/support/corpus';
import { feedPages } from '../../../tools/support/demo-feed';

const fixtures = new URL('../../../tests/fixtures/feeds/', import.meta.url);
const BASE = 'https://city.example.org/feeds/feed.json';
const NOW = Date.parse('2026-11-25T00:00:00Z');

function load(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8');
}

function parsed(input: unknown): Extract<ParseResult, { ok: true }> {
  const result = parseFeed(input, { baseUrl: BASE, receivedAt: NOW });
  if (!result.ok) throw new Error(`expected a feed, got: ${result.error}`);
  return result;
}

describe('a valid city feed', () => {
  const feed = parsed(load('valid-city.json'));
  const byId = new Map(feed.items.map((item) => [item.id, item]));

  it('reads the feed-level facts and resolves its links', () => {
    expect(feed.meta).toMatchObject({
      title: 'Test City',
      city: 'Jiangmen',
      timezone: 'Asia/Shanghai',
      languages: ['en', 'zh-Hans'],
      about: 'https://city.example.org/docs/format',
      expired: false,
    });
    expect(feed.nextUrl).toBe('https://city.example.org/feeds/page-2.json');
    expect(feed.skipped).toEqual([]);
    expect(feed.warnings).toEqual([]);
  });

  it('keeps every item, retractions apart', () => {
    expect(feed.items.map((item) => item.id)).toEqual([
      'news-1',
      'news-1-zh',
      'event-1',
      'event-2',
      'contact-1',
      '42',
    ]);
    expect(feed.retractions).toEqual(['gone-1']);
  });

  it('lets a retraction win over its own item on the same page, before it or after it', () => {
    const item = (id: string) => ({ id, title: id, content_text: 'x' });
    const gone = (id: string) => ({ id, _city: { deleted: true } });
    const page = parseFeed(
      { items: [item('a'), gone('a'), gone('b'), item('b'), item('c'), gone('c'), gone('c')] },
      { baseUrl: 'https://city.example.org/feed.json', receivedAt: 0 },
    );
    expect(page.ok && page.items).toEqual([]);
    expect(page.ok && page.retractions).toEqual(['a', 'b', 'c']);
    expect(page.ok && page.skipped.map((problem) => problem.id)).toEqual(['b', 'c']);
  });

  it('reads a news item with slug, translations and relative URLs', () => {
    const news = byId.get('news-1');
    expect(news).toMatchObject({
      kind: 'news',
      key: 'talent-station-opens',
      url: 'https://city.example.org/news/1',
      image: 'https://city.example.org/feeds/img/station.webp',
      authors: [{ name: 'City Desk', url: 'https://city.example.org/desk' }],
      translations: [{ language: 'zh-Hans', id: 'news-1-zh' }],
      sortTime: Date.parse('2026-11-20T01:00:00Z'),
    });
    expect(byId.get('news-1-zh')?.key).toBe('news-1-zh');
  });

  it('reads an event with its venue, contacts and the feed zone', () => {
    expect(byId.get('event-1')?.event).toEqual({
      start: '2027-03-10T09:00:00+08:00',
      end: '2027-03-10T17:30:00+08:00',
      timezone: 'Asia/Shanghai',
      allDay: false,
      status: 'postponed',
      venue: {
        name: 'Expo Hall',
        address: '1 Example Road',
        addressLocal: '示例路1号',
        lat: 22.579,
        lon: 113.081,
      },
      registrationUrl: 'https://city.example.org/register',
      contacts: [
        { ref: 'contact-1' },
        { inline: { name: 'Ms Li', phone: '+86 750 0000000', languages: ['zh-Hans', 'en'] } },
      ],
    });
    expect(byId.get('event-2')?.event).toMatchObject({
      start: '2027-04-02',
      end: '2027-04-05',
      allDay: true,
      timezone: 'Europe/Berlin',
      status: 'scheduled',
    });
  });

  it('reads a contact, titled by its name when the item has no title', () => {
    const contact = byId.get('contact-1');
    expect(contact?.title).toBe('Foreign Talent Station');
    expect(contact?.contact).toMatchObject({
      wechat: 'talent-station',
      openingHours: 'Mo-Fr 09:00-17:30; PH off',
    });
    expect(contact?.contact).not.toHaveProperty('future_field');
  });

  it('reads a numeric id as a string and a 1.0 author; an undated item keeps feed order', () => {
    const item = byId.get('42');
    expect(item?.authors).toEqual([{ name: 'Old Style' }]);
    expect(item?.sortTime).toBe(NOW - 5);
  });

  it('reads a boolean or numeric id as its string, and skips an object, array or null id', () => {
    const result = parsed({
      items: [
        { id: true, title: 'True', _city: { translations: [{ language: 'zh-Hans', id: false }] } },
        { id: false, title: 'False' },
        { id: 1.5, title: 'Number' },
        { id: { x: 1 }, title: 'Object' },
        { id: ['a'], title: 'Array' },
        { id: null, title: 'Null' },
      ],
    });
    expect(result.items.map((item) => item.id)).toEqual(['true', 'false', '1.5']);
    expect(result.items[0]?.key).toBe('true');
    expect(result.items[0]?.translations).toEqual([{ language: 'zh-Hans', id: 'false' }]);
    expect(result.skipped.map((problem) => [problem.index, problem.message])).toEqual([
      [3, 'The item has no id.'],
      [4, 'The item has no id.'],
      [5, 'The item has no id.'],
    ]);
  });

  it('reads the fields the contract added: city and tag labels by language, urgent notices, online events, local venue names', () => {
    const result = parsed({
      title: 'Jiangmen',
      _city: {
        city: { en: 'Jiangmen', 'zh-Hans': '江门', fr: ' ' },
        timezone: 'Asia/Shanghai',
        tags: { culture: { en: 'Culture', 'zh-Hans': '文化' }, empty: { en: '' } },
      },
      items: [
        {
          id: 'typhoon',
          title: 'Typhoon signal No. 8',
          _city: { urgent: true, expires: '2027-08-01T18:00:00+08:00' },
        },
        {
          id: 'talk',
          _city: {
            kind: 'event',
            urgent: true,
            expires: 'tomorrow',
            event: {
              start: '2027-03-10T09:00:00+08:00',
              status: 'moved-online',
              online_url: '/join/talk',
              venue: { name: 'Expo Hall', name_local: '会展中心', address_local: '示例路1号' },
            },
          },
        },
      ],
    });
    expect(result.meta).toMatchObject({
      cityNames: { en: 'Jiangmen', 'zh-Hans': '江门' },
      tagLabels: { culture: { en: 'Culture', 'zh-Hans': '文化' } },
      timezone: 'Asia/Shanghai',
    });
    expect(result.meta.city).toBeUndefined();
    expect(result.items[0]).toMatchObject({ urgent: true, expires: '2027-08-01T18:00:00+08:00' });
    const talk = result.items[1];
    expect(talk?.urgent).toBeUndefined();
    expect(talk?.expires).toBeUndefined();
    expect(talk?.event).toMatchObject({
      status: 'moved-online',
      onlineUrl: 'https://city.example.org/join/talk',
      venue: { name: 'Expo Hall', nameLocal: '会展中心', addressLocal: '示例路1号' },
    });
    expect(result.warnings.map((problem) => [problem.id, problem.message])).toEqual([
      ['talk', '_city.expires "tomorrow" is not an RFC 3339 date-time with an offset; it is ignored.'],
      ['talk', 'Only a news item can be an urgent notice; _city.urgent is ignored.'],
    ]);
  });

  it('a city name that is neither text nor a language map is ignored, and the rest of _city kept', () => {
    const result = parsed({ _city: { city: 42, timezone: 'Asia/Shanghai' }, items: [] });
    expect(result.meta.timezone).toBe('Asia/Shanghai');
    expect(result.meta.city).toBeUndefined();
    expect(result.warnings.map((problem) => problem.message)).toEqual([
      "The feed's _city.city is not valid; it is ignored.",
    ]);
  });

  it('gives the same result for text and for an already parsed value', () => {
    expect(parsed(JSON.parse(load('valid-city.json')))).toEqual(feed);
  });
});

describe('pages rejected whole', () => {
  it.each([
    ['not JSON', '{"items": [', /not JSON/],
    ['empty', '', /not JSON/],
    ['a JSON array', '[{"id": "1"}]', /not a JSON object/],
    ['a JSON string', '"items"', /not a JSON object/],
    ['null', 'null', /not a JSON object/],
    ['an HTML error page', '<!doctype html><title>502</title>', /not JSON/],
    ['no items', '{"version": "https://jsonfeed.org/version/1.1", "title": "x"}', /no items array/],
    ['items not an array', '{"items": {"id": "1"}}', /no items array/],
  ])('%s', (_name, text, message) => {
    const result = parseFeed(text, { baseUrl: BASE, receivedAt: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('a bad base URL does not throw', () => {
    expect(
      parseFeed('{"items": [{"id": "a", "url": "/x"}]}', { baseUrl: 'not a url', receivedAt: 0 }).ok,
    ).toBe(true);
  });
});

describe('a feed with broken items', () => {
  const feed = parsed(load('broken-items.json'));
  const skippedIds = feed.skipped.map((problem) => problem.id ?? `#${String(problem.index)}`);

  it('keeps the good items', () => {
    expect(feed.items.map((item) => item.id)).toEqual(['ok-1', 'bad-date', 'bad-slug', 'odd-event', 'nulls']);
  });

  it('skips and reports each broken item, with its index', () => {
    expect(skippedIds).toEqual([
      '#1',
      '#2',
      '#3',
      '#4',
      'bad-type',
      'bad-tags',
      'no-offset',
      'no-event',
      'date-not-all-day',
      'bad-day',
      'no-name',
      'odd-kind',
      'ok-1',
    ]);
    for (const problem of feed.skipped) expect(problem.message.length).toBeGreaterThan(5);
    expect(feed.skipped.find((p) => p.id === 'no-name')?.message).toMatch(/name/);
    expect(feed.skipped.find((p) => p.id === 'ok-1')?.message).toMatch(/already has the id/);
  });

  it('drops unreadable dates with a warning and keeps the item in feed order', () => {
    const item = feed.items.find((i) => i.id === 'bad-date');
    expect(item?.datePublished).toBeUndefined();
    expect(item?.dateModified).toBeUndefined();
    expect(item?.sortTime).toBe(NOW - 7);
    expect(feed.warnings.filter((w) => w.id === 'bad-date')).toHaveLength(2);
  });

  it('falls back where a field is only odd', () => {
    expect(feed.items.find((i) => i.id === 'bad-slug')?.key).toBe('bad-slug');
    const event = feed.items.find((i) => i.id === 'odd-event')?.event;
    expect(event).toEqual({
      start: '2027-03-10T09:00:00+08:00',
      timezone: 'UTC',
      allDay: false,
      status: 'scheduled',
      venue: {},
      contacts: [{ ref: '5' }],
    });
    expect(feed.warnings.filter((w) => w.id === 'odd-event').map((w) => w.message)).toEqual([
      expect.stringMatching(/ends .* before it starts/),
      expect.stringMatching(/Unknown time zone/),
      expect.stringMatching(/Unknown event status/),
      expect.stringMatching(/event contact is left out/),
      expect.stringMatching(/not a valid lat\/lon/),
    ]);
  });

  it('reads null as absent and ignores bad top-level fields', () => {
    expect(feed.items.find((i) => i.id === 'nulls')).toMatchObject({
      tags: [],
      contentText: 'Nulls mean absent.',
    });
    expect(feed.items.find((i) => i.id === 'nulls')).not.toHaveProperty('title');
    expect(feed.meta).toMatchObject({ title: '', expired: false });
    expect(feed.warnings.filter((w) => w.index === undefined)).toHaveLength(2);
  });
});

describe('a hostile feed', () => {
  const text = load('hostile.json').replace('LONGTEXT', 'x'.repeat(2_000_000));
  const feed = parsed(text);

  it('keeps no link that is not http(s)', () => {
    const links = JSON.stringify(feed.items);
    expect(links).not.toMatch(/"(url|externalUrl|image|registrationUrl|website)":"(javascript|data):/);
    expect(feed.items[0]).not.toHaveProperty('url');
    expect(feed.items[0]).not.toHaveProperty('image');
    expect(feed.items[1]?.event?.registrationUrl).toBeUndefined();
    expect(feed.warnings.some((w) => /javascript:/.test(w.message))).toBe(true);
  });

  it('leaves HTML to the sanitizer at display time and text as text', () => {
    // The parser stores what the feed said; only the sanitizer decides what may render.
    expect(feed.items[0]?.contentHtml).toContain('<script>');
    expect(feed.items[0]?.key).toBe('xss-1');
  });

  it('reads a huge item and an item called __proto__ without harm', () => {
    expect(feed.items.find((i) => i.id === 'big')?.contentText).toHaveLength(2_000_000);
    expect(feed.items.find((i) => i.id === '__proto__')?.kind).toBe('news');
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });

  it('never throws on any JSON value in any place', () => {
    const values = [null, 0, -1, 1e308, '', 'x', true, [], {}, [null], { id: {} }, { _city: [] }];
    for (const value of values) {
      for (const field of ['id', 'title', '_city', 'authors', 'attachments', 'items', 'next_url']) {
        const feedDoc = { items: [{ id: 'a', [field]: value }, value], [field]: value };
        expect(() => parseFeed(feedDoc, { baseUrl: BASE, receivedAt: 0 })).not.toThrow();
        const nested = {
          items: [{ id: 'e', _city: { kind: 'event', event: { start: value, [field]: value } } }],
        };
        expect(() => parseFeed(nested, { baseUrl: BASE, receivedAt: 0 })).not.toThrow();
      }
    }
  });
});

describe('real JSON Feeds', () => {
  const names = readdirSync(corpus).filter((name) => name.endsWith('.json'));

  it('the corpus is present', () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  it.each(names)('%s parses with every item kept', (name) => {
    const text = readFileSync(new URL(name, corpus), 'utf8');
    const feed = parsed(text);
    expect(feed.items).toHaveLength((JSON.parse(text) as { items: unknown[] }).items.length);
    expect(feed.skipped).toEqual([]);
    expect(feed.items.every((item) => item.kind === 'news')).toBe(true);
    expect(feed.meta.title).not.toBe('');
  });

  it('the demo feed parses with no problem at all, on every page', () => {
    const pages = feedPages(new URL('../../../public/feed.json', import.meta.url)).map((page) =>
      parsed(page),
    );
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((page) => page.skipped)).toEqual([]);
    expect(pages.flatMap((page) => page.warnings)).toEqual([]);
    const kinds = pages.flatMap((page) => page.items).map((item) => item.kind);
    expect(kinds.filter((kind) => kind === 'news').length).toBeGreaterThanOrEqual(24);
    expect(kinds.filter((kind) => kind === 'event').length).toBeGreaterThanOrEqual(12);
    expect(kinds.filter((kind) => kind === 'contact').length).toBeGreaterThanOrEqual(8);
  });
});

describe('docs/feed.schema.json', () => {
  // The published schema is generated from the parser's own schemas, so the two cannot drift:
  // this test fails when they differ, and UPDATE_SCHEMA=1 rewrites the file.
  it('matches the parser', () => {
    const path = new URL('../../../docs/feed.schema.json', import.meta.url);
    const items = toJsonSchema(itemSchema, { errorMode: 'ignore' }) as JsonObject;
    // The parser checks event, contact and event contacts apart (so one bad part costs only
    // itself); the published schema puts their shapes back in place.
    const contact = stripSchema(toJsonSchema(contactSchema, { errorMode: 'ignore' }));
    const event = stripSchema(toJsonSchema(eventSchema, { errorMode: 'ignore' }));
    at(event, 'properties', 'contacts', 'anyOf', 0).items = { anyOf: [{ type: 'string' }, contact] };
    const city = at(items, 'properties', '_city', 'anyOf', 0, 'properties');
    city.event = event;
    city.contact = contact;
    const feed = toJsonSchema(feedSchema, { errorMode: 'ignore' });
    const schema = {
      ...feed,
      $id: 'https://citylink.example.org/docs/feed.schema.json',
      title: 'Citylink city feed (JSON Feed 1.1 with _city)',
      description: 'Generated from packages/core/src/parse.ts by its tests; see docs/feed-format.md.',
      properties: {
        ...(feed as { properties: object }).properties,
        items: { type: 'array', items: stripSchema(items) },
      },
    };
    const text = `${JSON.stringify(schema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

type JsonObject = Record<string, unknown>;

function stripSchema(schema: object): JsonObject {
  const rest: JsonObject = { ...schema };
  delete rest.$schema;
  return rest;
}

/** The object at a path in a generated schema; throws if the generator changed its shape. */
function at(root: JsonObject, ...path: (string | number)[]): JsonObject {
  let node: unknown = root;
  for (const step of path) node = (node as Record<string | number, unknown> | undefined)?.[step];
  if (typeof node !== 'object' || node === null) throw new Error(`no schema at ${path.join('.')}`);
  return node as JsonObject;
}
