import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFeed } from '@citylink/core/parse';
import { ARCHIVE_DIR, buildFeed, readPreviousFeed, writeFeed, type BuildResult } from './build';
import type { ContentProblem } from './content';

const FEED_YAML = [
  'title: Test City',
  'home_page_url: https://city.example.org/',
  'feed_url: https://city.example.org/feed.json',
  'language: en',
  'city: { en: Test City, zh-Hans: 测试市 }',
  'timezone: Asia/Shanghai',
  'languages: [en, zh-Hans]',
].join('\n');

// Every folder these tests write, removed at the end.
const scratch = mkdtempSync(join(tmpdir(), 'citylink-build-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A content folder in a new temporary directory. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(scratch, 'content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A Markdown item file: front matter lines, then the body. */
const md = (front: string[], body = 'Some text.') => `---\n${front.join('\n')}\n---\n\n${body}\n`;

const news = (n: number, extra: string[] = []) =>
  md([
    `id: news-${n}`,
    `title: News ${n}`,
    `date_published: 2026-01-${String(n).padStart(2, '0')}T10:00:00+08:00`,
    ...extra,
  ]);

function build(files: Record<string, string | Uint8Array>, options = {}): BuildResult {
  return buildFeed(folder({ 'feed.yaml': FEED_YAML, ...files }), options);
}

type Page = { next_url?: string; items: Record<string, unknown>[]; _city?: Record<string, unknown> };

const pageOf = (result: BuildResult, path = 'feed.json') =>
  JSON.parse(result.files.find((file) => file.path === path)?.text ?? 'null') as Page;

/** Every built item by id, from every page. */
function itemsOf(result: BuildResult): Map<string, Record<string, unknown>> {
  return new Map(
    result.files.flatMap((file) =>
      (JSON.parse(file.text) as Page).items.map((item) => [String(item.id), item]),
    ),
  );
}

const errors = (result: BuildResult) => result.problems.filter((p) => p.severity === 'error');

/** The one error of a build, with its place. */
function theError(result: BuildResult): ContentProblem {
  expect(errors(result)).toHaveLength(1);
  expect(result.files).toEqual([]);
  return errors(result)[0] as ContentProblem;
}

describe('citylink-feed build: errors in content files name the file, the line and the field', () => {
  it('bad YAML', () => {
    const error = theError(build({ 'news/a.en.md': md(['title: "unclosed', 'date_published: x']) }));
    // The YAML parser finds the missing quote where the text ends.
    expect(error).toMatchObject({ file: 'news/a.en.md', line: 3 });
    expect(error.message).toBe('YAML: Missing closing "quote');
  });

  it('bytes that are not UTF-8, in a body or in feed.yaml, at their line and column', () => {
    // "Café 咖啡" saved as Latin-1 and GBK: Node would read "Caf� ��" and publish it.
    const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9]);
    const gbk = Buffer.from([0xbf, 0xa7, 0xb7, 0xc8]);
    const file = Buffer.concat([
      Buffer.from(news(1, [])),
      Buffer.from('More text.\n'),
      latin1,
      Buffer.from(' '),
      gbk,
      Buffer.from('\n'),
    ]);
    const error = theError(build({ 'news/a.en.md': file }));
    expect(error).toMatchObject({ file: 'news/a.en.md', line: 9 });
    expect(error.message).toMatch(
      /^The line holds bytes that are not UTF-8 \(from column 4\): .* Save the file as UTF-8/,
    );

    const settings = Buffer.concat([Buffer.from(`${FEED_YAML}\ndescription: `), latin1, Buffer.from('\n')]);
    expect(theError(buildFeed(folder({ 'feed.yaml': settings, 'news/a.en.md': news(1) })))).toMatchObject({
      file: 'feed.yaml',
      line: 8,
    });
  });

  it('a file without front matter, or with front matter never closed', () => {
    expect(theError(build({ 'news/a.en.md': '# Just a heading\n' }))).toMatchObject({
      file: 'news/a.en.md',
      line: 1,
      message: expect.stringContaining('first line must be "---"') as string,
    });
    expect(theError(build({ 'news/a.en.md': '---\ntitle: A\n' })).message).toMatch(/not closed/);
  });

  it('an unknown field, with the field it probably meant', () => {
    const error = theError(
      build({ 'news/a.en.md': md(['title: A', 'date_published: 2026-01-01T10:00:00+08:00', 'tgas: [x]']) }),
    );
    expect(error).toMatchObject({ file: 'news/a.en.md', line: 4, field: 'tgas' });
    expect(error.message).toBe('Unknown field "tgas". Did you mean "tags"?');
  });

  it('an unknown field deep in an event, and fields the build writes itself', () => {
    const event = build({
      'events/a.en.md': md([
        'title: A',
        'date_published: 2026-01-01T10:00:00+08:00',
        'event:',
        '  start: 2027-01-01T10:00:00+08:00',
        '  venue:',
        '    nmae: Hall',
      ]),
    });
    expect(theError(event)).toMatchObject({ line: 7, field: 'event.venue.nmae' });
    expect(theError(event).message).toMatch(/in event\.venue\. Did you mean "name"\?/);
    const html = theError(
      build({
        'news/a.en.md': md([
          'title: A',
          'date_published: 2026-01-01T10:00:00+08:00',
          'content_html: <p>x</p>',
        ]),
      }),
    );
    expect(html.message).toMatch(/text below the front matter is the item's content/);
  });

  it('a date without an offset, with the value to write in the feed zone', () => {
    const error = theError(
      build({ 'news/a.en.md': md(['title: A', 'date_published: 2026-11-20T17:00:00']) }),
    );
    expect(error).toMatchObject({ file: 'news/a.en.md', line: 3, field: 'date_published' });
    expect(error.message).toContain('write 2026-11-20T17:00:00+08:00 for Asia/Shanghai time');
    const eventError = theError(
      build({
        'events/a.en.md': md([
          'title: A',
          'date_published: 2026-01-01T10:00:00+08:00',
          'event:',
          '  timezone: Europe/Berlin',
          '  start: 2027-07-01 09:30',
        ]),
      }),
    );
    expect(eventError).toMatchObject({ line: 6, field: 'event.start' });
    expect(eventError.message).toContain('write 2027-07-01T09:30:00+02:00 for Europe/Berlin time');
    expect(theError(build({ 'news/a.en.md': md(['title: A']) })).message).toMatch(
      /date_published is required/,
    );
  });

  it('a value of the wrong type, in words', () => {
    const error = theError(
      build({
        'contacts/a.en.md': md([
          'title: Desk',
          'date_published: 2026-01-01T10:00:00+08:00',
          'contact:',
          '  name: Desk',
          '  phone: 7505550101',
        ]),
      }),
    );
    expect(error).toMatchObject({ line: 6, field: 'contact.phone' });
    expect(error.message).toBe(
      'Should be text, not the number 7505550101. Put it in quotes ("…") to keep it as written.',
    );
    expect(theError(build({ 'news/a.en.md': news(1, ['kind: story']) })).message).toBe(
      'Should be one of "news", "event", "contact", not the text "story".',
    );
  });

  it('a translation key with no partner', () => {
    const error = theError(build({ 'news/a.en.md': news(1, ['translation_key: welcome']) }));
    expect(error).toMatchObject({ file: 'news/a.en.md', line: 5, field: 'translation_key' });
    expect(error.message).toMatch(/^translation_key "welcome" has no partner: no other file has it/);
  });

  it('a contact reference to nothing, with the contact it probably meant', () => {
    const error = theError(
      build({
        'contacts/desk.en.md': md([
          'id: contact-desk-en',
          'title: Desk',
          'date_published: 2026-01-01T10:00:00+08:00',
          'contact: { name: Desk }',
        ]),
        'events/a.en.md': md([
          'title: A',
          'date_published: 2026-01-01T10:00:00+08:00',
          'event:',
          '  start: 2027-01-01T10:00:00+08:00',
          '  contacts:',
          '    - { name: Inline person }',
          '    - desk',
        ]),
      }),
    );
    expect(error).toMatchObject({ file: 'events/a.en.md', line: 8, field: 'event.contacts[1]' });
    expect(error.message).toBe(
      'The contact "desk" is no item of the feed: no file has the id "desk". Did you mean "contact-desk-en" (contacts/desk.en.md)?',
    );
  });

  it('ids and slugs must be unique; a language must be one of the feed', () => {
    const ids = build({
      'news/a.en.md': news(1),
      'news/b.en.md': md(['id: news-1', 'title: B', 'date_published: 2026-01-02T10:00:00+08:00']),
    });
    expect(errors(ids).map((e) => [e.file, e.message])).toEqual([
      ['news/b.en.md', 'The id "news-1" is already the id of news/a.en.md:2: ids must be unique.'],
    ]);
    const slugs = build({ 'news/a.en.md': news(1, ['slug: same']), 'news/b.en.md': news(2, ['slug: same']) });
    expect(theError(slugs)).toMatchObject({ file: 'news/b.en.md', field: 'slug' });
    expect(theError(build({ 'news/a.fr.md': news(1) })).message).toMatch(
      /ends in "\.fr", which is not one of the feed's languages \(en, zh-Hans\)/,
    );
  });

  it('feed.yaml: required fields, a real time zone, and no unknown fields', () => {
    const dir = (yaml: string) => buildFeed(folder({ 'feed.yaml': yaml, 'news/a.en.md': news(1) }));
    expect(dir('title: X').problems.map((p) => p.message)).toEqual([
      'timezone is required: the IANA time zone of the city, such as Asia/Shanghai.',
    ]);
    expect(theError(dir('title: X\ntimezone: Asia/Jiangmen'))).toMatchObject({
      file: 'feed.yaml',
      line: 2,
      field: 'timezone',
    });
    expect(theError(dir('title: X\ntimezone: UTC\nnext_url: x')).message).toMatch(
      /archive pages and their next_url/,
    );
    expect(buildFeed(folder({ 'news/a.en.md': news(1) })).problems[0]?.message).toMatch(/has no feed\.yaml/);
  });
});

describe('citylink-feed build: the feed it writes', () => {
  it('a bilingual story: translations both ways, from a shared translation_key', () => {
    const result = build({
      'news/welcome.en.md': news(1, ['translation_key: welcome', 'slug: welcome']),
      'news/welcome.zh-Hans.md': md([
        'id: news-1-zh',
        'translation_key: welcome',
        'title: 欢迎',
        'date_published: 2026-01-01T10:00:00+08:00',
      ]),
      'news/alone.en.md': news(2),
    });
    expect(result.problems).toEqual([]);
    const items = itemsOf(result);
    expect(items.get('news-1')).toMatchObject({
      url: 'https://city.example.org/news/welcome',
      language: 'en',
      _city: { kind: 'news', slug: 'welcome', translations: [{ language: 'zh-Hans', id: 'news-1-zh' }] },
    });
    expect(items.get('news-1-zh')).toMatchObject({
      language: 'zh-Hans',
      _city: { slug: 'welcome-zh-hans', translations: [{ language: 'en', id: 'news-1' }] },
    });
    expect((items.get('news-2')?._city as Record<string, unknown>).translations).toBeUndefined();
    expect(pageOf(result)._city).toEqual({
      city: { en: 'Test City', 'zh-Hans': '测试市' },
      timezone: 'Asia/Shanghai',
      languages: ['en', 'zh-Hans'],
    });
  });

  it('a story in three languages: zh-Hant files and translations beside zh-Hans ones', () => {
    const result = buildFeed(
      folder({
        'feed.yaml': FEED_YAML.replace(
          'languages: [en, zh-Hans]',
          'languages: [en, zh-Hans, zh-Hant]',
        ).replace(
          'city: { en: Test City, zh-Hans: 测试市 }',
          'city: { en: Test City, zh-Hans: 测试市, zh-Hant: 測試市 }',
        ),
        'news/welcome.en.md': news(1, ['translation_key: welcome', 'slug: welcome']),
        'news/welcome.zh-Hans.md': md([
          'id: news-1-hans',
          'translation_key: welcome',
          'title: 欢迎',
          'date_published: 2026-01-01T10:00:00+08:00',
        ]),
        'news/welcome.zh-Hant.md': md([
          'id: news-1-hant',
          'translation_key: welcome',
          'title: 歡迎',
          'date_published: 2026-01-01T10:00:00+08:00',
        ]),
      }),
      {},
    );
    expect(result.problems).toEqual([]);
    const items = itemsOf(result);
    expect(items.get('news-1-hant')).toMatchObject({
      language: 'zh-Hant',
      title: '歡迎',
      _city: {
        slug: 'welcome-zh-hant',
        translations: [
          { language: 'en', id: 'news-1' },
          { language: 'zh-Hans', id: 'news-1-hans' },
        ],
      },
    });
    expect((items.get('news-1')?._city as Record<string, unknown>).translations).toEqual([
      { language: 'zh-Hans', id: 'news-1-hans' },
      { language: 'zh-Hant', id: 'news-1-hant' },
    ]);
    expect(pageOf(result)._city).toMatchObject({ languages: ['en', 'zh-Hans', 'zh-Hant'] });
    // Where the feed does not list zh-Hant, a zh-Hant file is refused at its name.
    const unlisted = build({ 'news/a.zh-Hant.md': news(1) });
    expect(theError(unlisted).message).toMatch(
      /ends in "\.zh-Hant", which is not one of the feed's languages/,
    );
  });

  it('two versions in one language, or of different kinds, are refused', () => {
    const twice = build({
      'news/a.en.md': news(1, ['translation_key: k']),
      'news/b.en.md': news(2, ['translation_key: k']),
    });
    expect(theError(twice).message).toMatch(/already has a en version, news\/a\.en\.md:5/);
    const kinds = build({
      'news/a.en.md': news(1, ['translation_key: k']),
      'contacts/a.zh-Hans.md': news(2, ['translation_key: k', 'contact: { name: X }']),
    });
    expect(errors(kinds).map((e) => e.message)).toContain(
      'A translation must be the same kind of item: this is news, contacts/a.zh-Hans.md is contact.',
    );
  });

  it('events with every field of the contract, contacts by reference and inline, and contacts with hours', () => {
    const result = build({
      'feed.yaml': `${FEED_YAML}\ntags:\n  culture: { en: Culture, zh-Hans: 文化 }`,
      'contacts/desk.en.md': md(
        [
          'id: contact-desk',
          'title: Visitor Desk',
          'date_published: 2025-09-01T09:00:00+08:00',
          'tags: [culture]',
          'contact:',
          '  name: Visitor Desk',
          '  phone: "+86 750 555 0101"',
          '  address_local: 广东省江门市',
          '  hours: Mon–Fri 09:00–17:30',
          '  opening_hours: Mo-Fr 09:00-17:30; PH off',
          '  languages: [en, zh-Hans]',
        ],
        'Walk in, or **call first**.',
      ),
      'events/fair.en.md': md([
        'id: event-fair',
        'title: Fair',
        'date_published: 2026-11-01T09:00:00+08:00',
        'tags: [culture, food]',
        'image: /img/fair.svg',
        'attachments: [{ url: /files/map.pdf, mime_type: application/pdf, title: Map }]',
        'event:',
        '  start: 2027-04-02',
        '  end: 2027-04-05',
        '  all_day: true',
        '  status: moved-online',
        '  online_url: https://example.org/live',
        '  registration_url: https://example.org/register',
        '  venue: { name: Zili Village, name_local: 自力村, address: Kaiping, address_local: 开平市, lat: 22.366, lon: 112.566 }',
        '  contacts: [contact-desk, { name: Lin, role: Guide, languages: [en] }]',
      ]),
    });
    expect(errors(result)).toEqual([]);
    // A tag without a label in feed.yaml is shown as written: a warning, not an error.
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'events/fair.en.md', line: 5, field: 'tags[1]' }),
    ]);
    const items = itemsOf(result);
    expect(items.get('event-fair')).toEqual({
      id: 'event-fair',
      url: 'https://city.example.org/events/fair-en',
      title: 'Fair',
      content_html: '<p>Some text.</p>',
      image: '/img/fair.svg',
      date_published: '2026-11-01T09:00:00+08:00',
      tags: ['culture', 'food'],
      language: 'en',
      attachments: [{ url: '/files/map.pdf', mime_type: 'application/pdf', title: 'Map' }],
      _city: {
        kind: 'event',
        slug: 'fair-en',
        event: {
          start: '2027-04-02',
          end: '2027-04-05',
          all_day: true,
          status: 'moved-online',
          venue: {
            name: 'Zili Village',
            name_local: '自力村',
            address: 'Kaiping',
            address_local: '开平市',
            lat: 22.366,
            lon: 112.566,
          },
          online_url: 'https://example.org/live',
          registration_url: 'https://example.org/register',
          contacts: ['contact-desk', { name: 'Lin', role: 'Guide', languages: ['en'] }],
        },
      },
    });
    expect(items.get('contact-desk')).toMatchObject({
      content_html: '<p>Walk in, or <strong>call first</strong>.</p>',
      _city: {
        kind: 'contact',
        contact: {
          name: 'Visitor Desk',
          phone: '+86 750 555 0101',
          address_local: '广东省江门市',
          hours: 'Mon–Fri 09:00–17:30',
          opening_hours: 'Mo-Fr 09:00-17:30; PH off',
          languages: ['en', 'zh-Hans'],
        },
      },
    });
    expect(pageOf(result)._city?.tags).toEqual({ culture: { en: 'Culture', 'zh-Hans': '文化' } });
  });

  it('event rules: an end before the start, an unknown status, a date for a timed event, moved online with no link', () => {
    const event = (...lines: string[]) =>
      build({
        'events/a.en.md': md(['title: A', 'date_published: 2026-01-01T10:00:00+08:00', 'event:', ...lines]),
      });
    expect(
      theError(event('  start: 2027-01-02T10:00:00+08:00', '  end: 2027-01-01T10:00:00+08:00')),
    ).toMatchObject({ field: 'event.end', message: 'The event ends before it starts.' });
    expect(theError(event('  start: 2027-01-02T10:00:00+08:00', '  status: delayed')).message).toBe(
      'status must be one of scheduled, cancelled, postponed, moved-online, not "delayed".',
    );
    expect(theError(event('  start: 2027-01-02')).message).toMatch(/is a date without a time/);
    expect(theError(event('  all_day: true', '  start: 2027-02-30')).message).toMatch(
      /is not a date \(YYYY-MM-DD\)/,
    );
    expect(
      theError(build({ 'events/a.en.md': md(['title: A', 'date_published: 2026-01-01T10:00:00+08:00']) }))
        .message,
    ).toBe('An event (kind: event) needs an event: block with at least a start.');
    const online = event('  start: 2027-01-02T10:00:00+08:00', '  status: moved-online');
    expect(errors(online)).toEqual([]);
    expect(online.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'event.online_url',
        message: 'The event has moved online but has no online_url: readers cannot find where to join.',
      }),
    ]);
  });

  it('urgent notices with an expiry, and urgent only on news', () => {
    const result = build({
      'news/typhoon.en.md': news(1, ['urgent: true', 'expires: 2026-01-03T00:00:00+08:00']),
    });
    expect(result.problems).toEqual([]);
    expect(itemsOf(result).get('news-1')?._city).toEqual({
      kind: 'news',
      slug: 'typhoon-en',
      urgent: true,
      expires: '2026-01-03T00:00:00+08:00',
    });
    expect(theError(build({ 'news/a.en.md': news(1, ['expires: 2026-01-03']) }))).toMatchObject({
      field: 'expires',
    });
    const event = build({
      'events/a.en.md': news(1, ['urgent: true', 'event: { start: 2027-01-01T10:00:00+08:00 }']),
    });
    expect(theError(event)).toMatchObject({ field: 'urgent', line: 5 });
  });

  it('a retraction needs only an id, and stays in the head however old', () => {
    const result = build(
      {
        'news/wrong.en.md': '---\nid: news-wrong\ndeleted: true\n---\n',
        ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`news/n${n}.en.md`, news(n)])),
      },
      { headItems: 1, archiveItems: 2 },
    );
    expect(result.problems).toEqual([]);
    expect(result.retractions).toBe(1);
    expect(pageOf(result).items.at(-1)).toEqual({ id: 'news-wrong', _city: { deleted: true } });
    const parsed = parseFeed(pageOf(result), {
      baseUrl: 'https://city.example.org/feed.json',
      receivedAt: 0,
    });
    expect(parsed.ok && parsed.retractions).toEqual(['news-wrong']);
  });

  it('a retracted partner or contact: the link goes, and an event that names the contact is refused', () => {
    const result = build({
      'news/a.en.md': news(1, ['translation_key: k']),
      'news/a.zh-Hans.md': '---\nid: news-1-zh\ntranslation_key: k\ndeleted: true\n---\n',
      'contacts/c.en.md': '---\nid: contact-c\ndeleted: true\n---\n',
      'events/e.en.md': news(2, ['event: { start: 2027-01-01T10:00:00+08:00, contacts: [contact-c] }']),
    });
    expect(theError(result).message).toBe(
      'The contact "contact-c" is retracted (contacts/c.en.md): remove it from this event.',
    );
  });

  it('Markdown, plain text, and Chinese emphasis next to full-width punctuation', () => {
    const result = build({
      'news/a.zh-Hans.md': md(
        ['id: a', 'title: 甲', 'date_published: 2026-01-01T10:00:00+08:00'],
        '**本次活动已取消。**新的日期\n另行公布。\n\n- [详情](https://example.org/x)',
      ),
      'news/b.en.md': md(
        ['id: b', 'title: B', 'date_published: 2026-01-01T10:00:00+08:00', 'format: text'],
        'Line one.\n\nLine *two*.',
      ),
    });
    expect(result.problems).toEqual([]);
    const items = itemsOf(result);
    expect(items.get('a')?.content_html).toBe(
      '<p><strong>本次活动已取消。</strong>新的日期另行公布。</p>\n<ul>\n<li><a href="https://example.org/x">详情</a></li>\n</ul>',
    );
    expect(items.get('b')).toMatchObject({ content_text: 'Line one.\n\nLine *two*.' });
    expect(items.get('b')?.content_html).toBeUndefined();
  });

  it('a hostile link is refused at its own line, however deep', () => {
    const image = theError(build({ 'news/a.en.md': news(1, ['summary: S', 'image: javascript:alert(1)']) }));
    expect(image).toMatchObject({ file: 'news/a.en.md', line: 6, field: 'image' });
    expect(image.message).toBe('The app warns: image uses javascript:, which the app does not follow.');
    const deep = theError(
      build({
        'events/e.en.md': news(1, [
          'event:',
          '  start: 2027-01-01T10:00:00+08:00',
          '  venue: { name: Hall }',
          '  registration_url: "data:text/html,<script>alert(1)</script>"',
        ]),
      }),
    );
    expect(deep).toMatchObject({ line: 8, field: 'event.registration_url' });
  });

  it('HTML written in Markdown is published as text: no warning, nothing to remove', () => {
    const body = 'See <img src=x onerror=alert(1)> and <script>alert(2)</script>.';
    const result = build({
      'news/a.en.md': md(['id: a', 'title: A', 'date_published: 2026-01-01T10:00:00+08:00'], body),
    });
    expect(result.problems).toEqual([]);
    expect(itemsOf(result).get('a')?.content_html).toBe(
      '<p>See &lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt;.</p>',
    );
  });

  it('an item with no text is refused at its body: JSON Feed requires content', () => {
    const error = theError(
      build({ 'news/a.en.md': '---\nid: a\ntitle: A\ndate_published: 2026-01-01T10:00:00+08:00\n---\n\n' }),
    );
    expect(error).toMatchObject({ file: 'news/a.en.md', line: 6, field: 'body' });
    expect(error.message).toMatch(/^The item has no text below its front matter: JSON Feed requires content/);
  });

  it('a page over the size budget is a warning at its largest item; the feed is still built', () => {
    // About 300 KB of text: phones would download it whole with the head after every change.
    const big = Array.from({ length: 6000 }, (_, i) => `Line ${i} of a very long notice, in many words.`);
    const result = build({
      'news/a.en.md': news(1),
      'news/big.en.md': md(
        ['id: big', 'title: Big', 'date_published: 2026-01-02T10:00:00+08:00'],
        big.join('\n\n'),
      ),
    });
    expect(errors(result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['feed.json']);
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'news/big.en.md',
        line: 7,
        message: expect.stringMatching(
          /^feed\.json: The page is 3\d\d,\d{3} bytes, over the budget of 250,000 bytes a page: .* Its largest item, this file, is 3\d\d,\d{3} bytes\.$/,
        ) as string,
      },
    ]);
  });

  it('the whole build reads without a single warning in the app', () => {
    const result = build({ 'news/a.en.md': news(1), 'news/b.zh-Hans.md': news(2) });
    for (const file of result.files) {
      const parsed = parseFeed(file.text, { baseUrl: 'https://city.example.org/feed.json', receivedAt: 0 });
      expect(parsed.ok && [parsed.skipped, parsed.warnings]).toEqual([[], []]);
    }
  });
});

describe('citylink-feed build: paging', () => {
  const items = (count: number, extra: (n: number) => string[] = () => []) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [
        `news/n${String(i + 1).padStart(2, '0')}.en.md`,
        news(i + 1, extra(i + 1)),
      ]),
    );

  it('a head with the newest items, archives of older ones linked by next_url, each item once', () => {
    const result = build(items(12), { headItems: 3, archiveItems: 4 });
    expect(result.problems).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([
      'feed.json',
      expect.stringMatching(/^feed\/archive-2-[0-9a-f]{12}\.json$/) as string,
      expect.stringMatching(/^feed\/archive-1-[0-9a-f]{12}\.json$/) as string,
    ]);
    const [head, newer, older] = result.files.map((f) => JSON.parse(f.text) as Page);
    expect(head?.items.map((i) => i.id)).toEqual(['news-12', 'news-11', 'news-10', 'news-9']);
    expect(newer?.items.map((i) => i.id)).toEqual(['news-8', 'news-7', 'news-6', 'news-5']);
    expect(older?.items.map((i) => i.id)).toEqual(['news-4', 'news-3', 'news-2', 'news-1']);
    // Relative links: they resolve on whatever site serves the files, as the app reads them.
    expect(head?.next_url).toBe(result.files[1]?.path);
    expect(newer?.next_url).toBe(result.files[2]?.path.replace(`${ARCHIVE_DIR}/`, ''));
    expect(older?.next_url).toBeUndefined();
    // Each page is a whole feed on its own.
    expect(older).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: 'Test City' });
  });

  it('new items never change a written archive: same names, same bytes', () => {
    const before = build(items(12), { headItems: 3, archiveItems: 4 });
    const after = build(items(14), { headItems: 3, archiveItems: 4 });
    const archives = (r: BuildResult) => r.files.filter((f) => f.path.startsWith(`${ARCHIVE_DIR}/`));
    expect(archives(after)).toEqual(archives(before));
    expect(pageOf(after).items.map((i) => i.id)).toEqual([
      'news-14',
      'news-13',
      'news-12',
      'news-11',
      'news-10',
      'news-9',
    ]);
    // Enough new items for another page: the old archives stay as they were; a third joins.
    const more = build(items(16), { headItems: 3, archiveItems: 4 });
    expect(archives(more).slice(1)).toEqual(archives(before));
    expect(archives(more)[0]?.path).toMatch(/^feed\/archive-3-/);
  });

  it('an edit moves an archived item to the head, under new archive names', () => {
    const before = build(items(12), { headItems: 3, archiveItems: 4 });
    const edited = build(
      items(12, (n) => (n === 2 ? ['date_modified: 2026-02-01T10:00:00+08:00'] : [])),
      { headItems: 3, archiveItems: 4 },
    );
    expect(pageOf(edited).items.map((i) => i.id)).toContain('news-2');
    const names = (r: BuildResult) => r.files.map((f) => f.path);
    expect(names(edited).filter((name) => names(before).includes(name))).toEqual(['feed.json']);
    expect([...itemsOf(edited).keys()].sort()).toEqual([...itemsOf(before).keys()].sort());
  });

  it('writes into a folder: identical bytes twice, old archives removed, other files left alone', () => {
    const out = mkdtempSync(join(scratch, 'out-'));
    writeFileSync(join(out, 'index.html'), 'the site');
    mkdirSync(join(out, ARCHIVE_DIR));
    writeFileSync(join(out, ARCHIVE_DIR, 'archive-9-0123456789ab.json'), '{}');
    writeFileSync(join(out, ARCHIVE_DIR, 'notes.txt'), 'kept');
    const first = build(items(12), { headItems: 3, archiveItems: 4 });
    writeFeed(out, first.files);
    const written = statSync(join(out, 'feed.json')).mtimeMs;
    expect(readdirSync(join(out, ARCHIVE_DIR)).sort()).toEqual(
      [...first.files.filter((f) => f.path !== 'feed.json').map((f) => f.path.slice(5)), 'notes.txt'].sort(),
    );
    writeFeed(out, build(items(12), { headItems: 3, archiveItems: 4 }).files);
    expect(statSync(join(out, 'feed.json')).mtimeMs).toBe(written);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the site');
  });

  it('warns when a change or a new item would stay in an archive, out of reach of the phones that have the feed', () => {
    const paging = { headItems: 3, archiveItems: 4 };
    const out = mkdtempSync(join(scratch, 'out-'));
    writeFeed(out, build(items(12), paging).files);
    const previous = readPreviousFeed(out);
    expect(previous.size).toBe(12);
    expect(build(items(12), { ...paging, previous }).problems).toEqual([]);

    const corrected = build(
      { ...items(12), 'news/n02.en.md': news(2, ['summary: Corrected']) },
      { ...paging, previous },
    );
    expect(corrected.problems).toEqual([
      {
        severity: 'warning',
        file: 'news/n02.en.md',
        line: 4,
        field: 'date_published',
        message:
          'This item changed, but its dates did not, so it stays in an archive page: the phones that have it will not see the change. Set date_modified to now.',
      },
    ]);
    const dated = build(
      {
        ...items(12),
        'news/n02.en.md': news(2, ['summary: Corrected', 'date_modified: 2026-02-01T10:00:00+08:00']),
      },
      { ...paging, previous },
    );
    expect(dated.problems).toEqual([]);

    const late = build(
      {
        ...items(12),
        'news/late.en.md': md(['id: news-late', 'title: Late', 'date_published: 2025-06-01T10:00:00+08:00']),
      },
      { ...paging, previous },
    );
    expect(late.problems.map((p) => [p.file, p.message])).toEqual([
      [
        'news/late.en.md',
        'This item is new, but dated before the newest items, so it goes to an archive page: the phones that have the feed already will not get it. Date it now (date_published, or date_modified).',
      ],
    ]);
  });

  it('rebuilds are byte-identical, whatever order the files were written in', () => {
    const files = {
      ...items(9),
      'news/b.zh-Hans.md': news(20, ['translation_key: t']),
      'news/b.en.md': news(21, ['translation_key: t']),
    };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const first = build(files, { headItems: 2, archiveItems: 3 });
    expect(first.problems).toEqual([]);
    expect(build(files, { headItems: 2, archiveItems: 3 }).files).toEqual(first.files);
    expect(build(reversed, { headItems: 2, archiveItems: 3 }).files).toEqual(first.files);
  });

  it('paging comes from feed.yaml unless the command line says otherwise', () => {
    const result = buildFeed(
      folder({ 'feed.yaml': `${FEED_YAML}\npaging: { head_items: 2, archive_items: 5 }`, ...items(8) }),
    );
    expect([result.headItems, result.archives]).toEqual([3, 1]);
    const bad = buildFeed(folder({ 'feed.yaml': `${FEED_YAML}\npaging: { head_items: 0 }`, ...items(2) }));
    expect(theError(bad)).toMatchObject({ field: 'paging.head_items' });
  });
});
