import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { realFeedsCorpus } from '../../../tests/support/corpus';
import { recordFigure } from '../../../tools/support/figures';
import { main } from './cli';
import { EXIT, validateFeed, type FeedProblem, type ValidationReport } from './validate';

// Every folder these tests write, removed at the end.
const scratch = mkdtempSync(join(tmpdir(), 'citylink-validate-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Files in a new temporary folder; returns the path of the first. */
function files(pages: Record<string, string | Uint8Array | object>): string {
  const dir = mkdtempSync(join(scratch, 'feed-'));
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(
      join(dir, path),
      typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
    );
  }
  return join(dir, Object.keys(pages)[0] ?? '');
}

// A page with every field JSON Feed asks for, so that each test sees only its own problem.
const feed = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Test City',
  home_page_url: 'https://city.example.org/',
  feed_url: 'https://city.example.org/feed.json',
  icon: 'https://city.example.org/icon.png',
  favicon: 'https://city.example.org/favicon.png',
  ...extra,
  items,
});
const news = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  url: `https://city.example.org/news/${id}`,
  title: `News ${id}`,
  content_text: 'Text.',
  date_published: '2026-01-01T10:00:00+08:00',
  ...extra,
});
const event = (id: string, details: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  news(id, { ...extra, _city: { kind: 'event', event: { start: '2027-01-01T10:00:00+08:00', ...details } } });

async function check(doc: string | object): Promise<ValidationReport> {
  return validateFeed(files({ 'feed.json': doc }));
}

/** The report's one problem, checked for its exit code. */
async function only(doc: string | object, exitCode: number): Promise<FeedProblem> {
  const report = await check(doc);
  expect(report.problems).toHaveLength(1);
  expect(report.exitCode).toBe(exitCode);
  return report.problems[0] as FeedProblem;
}

describe('citylink-feed validate: documents the app rejects whole (exit 2)', () => {
  it('a truncated document', async () => {
    const text = JSON.stringify(feed([news('a'), news('b')]));
    const problem = await only(text.slice(0, text.length / 2), EXIT.rejected);
    expect(problem.severity).toBe('error');
    expect(problem.message).toMatch(
      /^The feed is not JSON: it ends too early \(.+\)\. The file is cut off or empty\./,
    );
    expect((await only('', EXIT.rejected)).message).toMatch(/ends too early/);
  });

  it('an HTML document', async () => {
    const problem = await only('<!doctype html><html><body>Sign in</body></html>', EXIT.rejected);
    expect(problem.message).toBe(
      'The feed is not JSON: it is HTML (a web page). The address may serve an error or login page, or the app itself, instead of the feed. The app rejects the whole page.',
    );
  });

  it('a document with no items, and JSON that is not an object', async () => {
    expect(
      (await only({ version: 'https://jsonfeed.org/version/1.1', title: 'X' }, EXIT.rejected)).message,
    ).toBe('The feed has no "items" array, so it holds no items at all. The app rejects the whole page.');
    expect((await only([news('a')], EXIT.rejected)).message).toBe(
      'The feed is not a JSON object. The app rejects the whole page.',
    );
    expect((await only('{"items": [', EXIT.rejected)).message).toMatch(/ends too early/);
  });

  it('an older page the app would reject fails the feed too', async () => {
    const report = await validateFeed(
      files({ 'feed.json': feed([news('a')], { next_url: 'old.json' }), 'old.json': '<html>' }),
    );
    expect(report.exitCode).toBe(EXIT.rejected);
    expect(report.problems[0]?.page).toMatch(/old\.json$/);
  });
});

describe('citylink-feed validate: items the app skips (exit 1), each with its place and field', () => {
  const cases: [string, unknown, Partial<FeedProblem>][] = [
    [
      'no id',
      { ...news('x'), id: undefined },
      { field: 'id', message: 'The item has no id. The app skips this item.' },
    ],
    ['an id that is an object', news('x', { id: { x: 1 } }), { field: 'id' }],
    [
      'a title that is not text',
      news('a', { title: 42 }),
      {
        id: 'a',
        field: 'title',
        message: 'title: Should be text, not the number 42. The app skips this item.',
      },
    ],
    [
      'an unknown kind',
      news('a', { _city: { kind: 'story' } }),
      { field: '_city.kind', message: '_city.kind: Unknown _city.kind. The app skips this item.' },
    ],
    [
      'an event without a start',
      news('a', { _city: { kind: 'event', event: { end: '2027-01-01' } } }),
      {
        field: '_city.event.start',
        message: '_city.event.start: This field is required. The app skips this item.',
      },
    ],
    ['an event without an event object', news('a', { _city: { kind: 'event' } }), { field: '_city.event' }],
    [
      'an event start without an offset',
      event('a', { start: '2027-01-01T10:00:00' }),
      {
        field: '_city.event.start',
        message:
          'The event\'s start "2027-01-01T10:00:00" is not an RFC 3339 date-time with an offset. The app skips this item.',
      },
    ],
    [
      'a contact without a name',
      news('a', { _city: { kind: 'contact', contact: { phone: '+86' } } }),
      { field: '_city.contact.name' },
    ],
  ];
  for (const [name, item, expected] of cases) {
    it(name, async () => {
      const problem = await only(feed([news('ok'), item]), EXIT.invalid);
      expect(problem).toMatchObject({ severity: 'error', index: 1, ...expected });
      expect(problem.message).toMatch(/The app skips this item\.$/);
    });
  }

  it('bytes that are not UTF-8, at their line, in a file or served', async () => {
    const text = JSON.stringify(feed([news('a', { title: 'Caf\u00e9' })]), null, 2);
    // The title saved as Latin-1: é is the one byte 0xE9.
    const bytes = Buffer.from(text.replace('Caf\u00e9', 'Caf\u0000'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xe9;
    const line = text.split('\n').findIndex((l) => l.includes('Caf')) + 1;
    const problem = await only(bytes, EXIT.invalid);
    expect(problem).toMatchObject({ severity: 'error', line });
    expect(problem.message).toMatch(/^The line holds bytes that are not UTF-8 \(from column 20\)/);
    const fetch = (() => Promise.resolve(new Response(bytes))) as unknown as typeof globalThis.fetch;
    const served = await validateFeed('https://city.example.org/feed.json', { fetch });
    expect(served.problems.map((p) => [p.severity, p.line])).toEqual([['error', line]]);
  });

  it('a publication date that is not RFC 3339, as JSON Feed requires: the app ignores it', async () => {
    const problem = await only(feed([news('a', { date_published: '2026-01-01 10:00' })]), EXIT.invalid);
    expect(problem).toMatchObject({ severity: 'error', index: 0, field: 'date_published' });
    expect(problem.message).toBe(
      'date_published "2026-01-01 10:00" has no UTC offset, so it could be any time zone\'s: write 2026-01-01T10:00:00+00:00 for UTC time. JSON Feed dates are RFC 3339.',
    );
  });

  it('two items with one id on a page', async () => {
    const problem = await only(feed([news('a'), news('a')]), EXIT.invalid);
    expect(problem).toMatchObject({ index: 1, id: 'a', field: 'id' });
    expect(problem.message).toBe(
      'Another item on this page already has the id "a". The app skips this item.',
    );
  });
});

describe('citylink-feed validate: what the app reads around (warnings, exit 0)', () => {
  const cases: [string, unknown[], Partial<FeedProblem>][] = [
    ['a bad expiry', [news('a', { _city: { expires: 'soon' } })], { field: '_city.expires' }],
    [
      'a slug that is not [a-z0-9-]',
      [news('a', { _city: { slug: 'Hello World' } })],
      { field: '_city.slug' },
    ],
    ['an unknown event status', [event('a', { status: 'delayed' })], { field: '_city.event.status' }],
    ['an unknown time zone', [event('a', { timezone: 'Mars/Olympus' })], { field: '_city.event.timezone' }],
    [
      'an event that ends before it starts',
      [event('a', { end: '2026-01-01T10:00:00+08:00' })],
      { field: '_city.event.end' },
    ],
    ['a javascript: link', [news('a', { url: 'javascript:alert(1)' })], { field: 'url' }],
    ['half a position', [event('a', { venue: { lat: 22.5 } })], { field: '_city.event.venue.lat' }],
    [
      'moved online with no online_url',
      [event('a', { status: 'moved-online' })],
      {
        field: '_city.event.online_url',
        message: 'The event has moved online but has no online_url: readers cannot find where to join.',
      },
    ],
    [
      'an urgent event',
      [event('a', {}, {}), news('b', { _city: { kind: 'contact', urgent: true, contact: { name: 'X' } } })],
      { id: 'b', field: '_city.urgent' },
    ],
    [
      'a script in content_html',
      [news('a', { content_html: '<p>Hi</p><script>alert(1)</script>' })],
      {
        field: 'content_html',
        message: expect.stringMatching(/^content_html holds <script>, which the app removes/) as string,
      },
    ],
    [
      'an event handler in content_html',
      [news('a', { content_html: '<p>Hi <img src="x.png" onerror="alert(1)"></p>' })],
      {
        field: 'content_html',
        message: expect.stringMatching(/^content_html holds <img onerror>,/) as string,
      },
    ],
    [
      'a javascript: link in content_html, with a tab inside the scheme',
      [news('a', { content_html: '<a href=" java&#9;script:alert(1)">x</a>' })],
      {
        field: 'content_html',
        message: expect.stringMatching(/^content_html holds a javascript: link \(<a href>\),/) as string,
      },
    ],
    [
      'a translation to no item',
      [news('a', { _city: { translations: [{ language: 'zh-Hans', id: 'a-zh' }] } })],
      {
        field: '_city.translations[0].id',
        message: 'The translation "a-zh" is no item of the feed: the app offers no zh-Hans version.',
      },
    ],
    [
      'an event contact that is no contact item',
      [event('a', { contacts: ['desk', { name: 'Inline' }] })],
      {
        field: '_city.event.contacts[0]',
        message: expect.stringMatching(/^The event contact "desk" is no contact item/) as string,
      },
    ],
    [
      'two items with one slug',
      [news('a', { _city: { slug: 's' } }), news('b', { _city: { slug: 's' } })],
      { id: 'b', field: '_city.slug' },
    ],
  ];
  for (const [name, items, expected] of cases) {
    it(name, async () => {
      const problem = await only(feed(items), EXIT.ok);
      expect(problem).toMatchObject({ severity: 'warning', ...expected });
    });
  }

  it('the feed itself: an empty list, a blank title, a city name in an unknown shape', async () => {
    const report = await check(feed([], { title: ' ', _city: { city: 42, timezone: 'Asia/Shanghai' } }));
    expect(report.exitCode).toBe(EXIT.ok);
    expect(report.problems.map((p) => [p.severity, p.field])).toEqual([
      ['warning', '_city.city'],
      ['warning', 'title'],
      ['warning', 'items'],
    ]);
  });

  it("each problem at its field's own line in the page, however deep", async () => {
    const text = JSON.stringify(
      feed([event('a', { start: 'soon' }), news('b', { authors: [{ name: 'A' }, {}] })], { expired: null }),
      null,
      2,
    );
    const lines = text.split('\n');
    const lineOf = (needle: string, from = 0) =>
      lines.findIndex((l, i) => i >= from && l.includes(needle)) + 1;
    const report = await validateFeed(files({ 'feed.json': text }));
    expect(report.problems.map((p) => [p.field, p.line])).toEqual([
      ['expired', lineOf('"expired": null')],
      ['_city.event.start', lineOf('"start": "soon"')],
      // The second author, `{}`: the line its object opens on.
      ['authors[1]', lineOf('{}', lineOf('"authors"'))],
    ]);
  });

  it('a page over the size budget of 250,000 bytes', async () => {
    const long = 'x'.repeat(1000);
    const items = Array.from({ length: 250 }, (_, i) => news(`n${i}`, { content_text: long }));
    const problem = await only(feed(items), EXIT.ok);
    expect(problem).toMatchObject({ severity: 'warning' });
    expect(problem.message).toMatch(
      /^The page is 2\d\d,\d{3} bytes, over the budget of 250,000 bytes a page: every phone downloads it whole/,
    );
    expect((await check(feed(items.slice(0, 200)))).problems).toEqual([]);
  });

  it('a page of 100,000 items, each with two problems: every one reported, no stack overflow', async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({
      id: `n${i}`,
      content_text: 'x',
      date_published: 'soon',
    }));
    const report = await check(feed(items));
    expect(report.exitCode).toBe(EXIT.invalid);
    expect(report.pages[0]?.items).toBe(100_000);
    // And the page's size warning: 100,000 items are far over 250,000 bytes.
    expect(report.problems).toHaveLength(200_001);
    expect(report.problems[0]?.message).toMatch(/^The page is /);
    expect(report.problems.filter((p) => p.field === 'url' && p.severity === 'warning')).toHaveLength(
      100_000,
    );
    expect(report.problems[200_000]).toMatchObject({ index: 99_999, id: 'n99999' });
  });

  it('markup written as text in content_html is no warning: it shows as text and runs nothing', async () => {
    const html =
      '<p>Type &lt;img src=x onerror=alert(1)&gt; or &lt;script&gt; to see. onclick= javascript:</p>';
    expect((await check(feed([news('a', { content_html: html })]))).problems).toEqual([]);
  });

  it('a number id is read as its string, with a warning: JSON Feed 1.1 asks for a string', async () => {
    const problem = await only(feed([news('a', { id: 42 })]), EXIT.ok);
    expect(problem).toMatchObject({ severity: 'warning', index: 0, field: 'id' });
  });
});

describe('citylink-feed validate: pages', () => {
  it('follows next_url on the feed site to the files beside it, relative or absolute', async () => {
    const head = files({
      'feed.json': feed([news('c')], { next_url: 'feed/archive-2.json' }),
      'feed/archive-2.json': feed([news('b')], { next_url: 'https://city.example.org/feed/archive-1.json' }),
      'feed/archive-1.json': feed([news('a', { _city: { translations: [{ language: 'en', id: 'c' }] } })]),
    });
    const report = await validateFeed(head);
    expect(report).toMatchObject({ exitCode: EXIT.ok, problems: [] });
    expect(report.pages.map((p) => [p.page.slice(dirname(head).length), p.items])).toEqual([
      ['/feed.json', 1],
      ['/feed/archive-2.json', 1],
      ['/feed/archive-1.json', 1],
    ]);
    expect((await validateFeed(head, { follow: false })).pages).toHaveLength(1);
  });

  it('a next_url on another site, a loop, a page that is missing, the same item on two pages', async () => {
    const foreign = await validateFeed(
      files({ 'feed.json': feed([news('a')], { next_url: 'https://elsewhere.example/p2.json' }) }),
    );
    expect(foreign.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'next_url',
        message: expect.stringMatching(/not on the feed's own site/) as string,
      }),
    ]);
    const loop = await validateFeed(
      files({
        'feed.json': feed([news('a')], { next_url: 'p2.json' }),
        'p2.json': feed([news('b')], { next_url: 'feed.json' }),
      }),
    );
    expect(loop.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/repeats the feed's address or an earlier page/),
    ]);
    const missing = await validateFeed(files({ 'feed.json': feed([news('a')], { next_url: 'gone.json' }) }));
    expect(missing.exitCode).toBe(EXIT.unreadable);
    expect(missing.problems[0]?.message).toMatch(/^Could not read it: .*ENOENT/);
    const twice = await validateFeed(
      files({ 'feed.json': feed([news('a')], { next_url: 'p2.json' }), 'p2.json': feed([news('a')]) }),
    );
    expect(twice.problems).toEqual([
      expect.objectContaining({
        field: 'id',
        message: expect.stringMatching(/first sync stops paging at the second copy/) as string,
      }),
    ]);
  });

  it('more pages than the app reads on a first sync', async () => {
    const pages: Record<string, object> = {};
    for (let n = 0; n <= 11; n++) {
      pages[n === 0 ? 'feed.json' : `p${n}.json`] = feed(
        [news(`item-${n}`)],
        n < 11 ? { next_url: `p${n + 1}.json` } : {},
      );
    }
    const report = await validateFeed(files(pages));
    expect(report.pages).toHaveLength(12);
    expect(report.problems).toEqual([
      expect.objectContaining({
        page: expect.stringMatching(/p10\.json$/) as string,
        message: expect.stringMatching(/^The app reads at most 10 pages/) as string,
      }),
    ]);
  });

  it('a URL: its pages over HTTP, the type it is served with, and HTTP errors', async () => {
    const served: Record<string, [number, string, string]> = {
      'https://city.example.org/feed.json': [
        200,
        'application/feed+json',
        JSON.stringify(feed([news('b')], { next_url: '/old.json' })),
      ],
      'https://city.example.org/old.json': [200, 'text/html', JSON.stringify(feed([news('a')]))],
    };
    const fetch = ((url: string) => {
      const [status, type, body] = served[url] ?? [404, 'text/plain', 'not found'];
      return Promise.resolve(new Response(body, { status, headers: { 'content-type': type } }));
    }) as typeof globalThis.fetch;
    const report = await validateFeed('https://city.example.org/feed.json', { fetch });
    expect(report.exitCode).toBe(EXIT.ok);
    expect(report.problems).toEqual([
      expect.objectContaining({
        page: 'https://city.example.org/old.json',
        message: 'It is served as text/html; serve a feed as application/feed+json (or application/json).',
      }),
    ]);
    const gone = await validateFeed('https://city.example.org/nothing.json', { fetch });
    expect(gone.exitCode).toBe(EXIT.unreadable);
    expect(gone.problems[0]?.message).toBe(
      'Could not read it: HTTP 404 for https://city.example.org/nothing.json',
    );
  });
});

describe('citylink-feed validate: real feeds', () => {
  const corpus = readdirSync(realFeedsCorpus).filter((name) => name.endsWith('.json'));
  const valid: string[] = [];
  afterAll(() => recordFigure('real-feeds-validate', { feeds: corpus.length, valid: valid.length }));
  it.each(corpus)('%s is valid: nothing skipped, nothing rejected', async (name) => {
    const report = await validateFeed(fileURLToPath(new URL(name, realFeedsCorpus)));
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.exitCode).toBe(EXIT.ok);
    expect(report.pages[0]?.items).toBeGreaterThan(0);
    valid.push(name);
  });
});

describe('citylink-feed (the command)', () => {
  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  }

  it('--help lists the commands; no command or a wrong one is a usage error', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/build \[options\] <content-dir>/);
    expect(help.out).toMatch(/validate \[options\] <file-or-url>/);
    expect((await run()).code).toBe(EXIT.usage);
    expect((await run('publish')).code).toBe(EXIT.usage);
    expect((await run('build', 'content')).err).toMatch(/required option '--out <dir>'/);
  });

  it('validate prints every problem with its place and line, and the verdict with the exit code', async () => {
    const path = files({
      'feed.json': JSON.stringify(
        feed([news('ok'), { ...news('x'), id: undefined }, news('late', { date_published: 'yesterday' })]),
        null,
        2,
      ),
    });
    const { code, out } = await run('validate', path);
    expect(code).toBe(EXIT.invalid);
    // Line 16 opens the item with no id; line 27 holds "date_published": "yesterday".
    expect(out.split('\n')).toEqual([
      `${path}: 1 page, 2 items, 0 retractions`,
      `error: ${path}:16 › item 1 › id: The item has no id. The app skips this item.`,
      `error: ${path}:27 › item 2 ("late") › date_published: date_published "yesterday" is not a date and time like 2027-03-20T10:00:00+08:00 (RFC 3339, with an offset). JSON Feed dates are RFC 3339.`,
      'not valid (2 errors, 0 warnings; exit code 1)',
      '',
    ]);
  });

  it('validate --json gives the report as data', async () => {
    const path = files({ 'feed.json': '<html>' });
    const { code, out } = await run('validate', '--json', path);
    expect(code).toBe(EXIT.rejected);
    expect(JSON.parse(out)).toEqual({
      source: path,
      exitCode: 2,
      pages: [],
      problems: [
        {
          severity: 'error',
          page: path,
          message: expect.stringMatching(/^The feed is not JSON: it is HTML/) as string,
        },
      ],
    });
  });

  it('build writes the feed, or nothing and exit 1 with file:line errors', async () => {
    const content = dirname(
      files({
        'feed.yaml': 'title: T\ntimezone: Asia/Shanghai',
        'news/a.md': '---\ntitle: A\ndate_published: 2026-01-01T10:00:00+08:00\n---\nHello.\n',
      }),
    );
    const out = mkdtempSync(join(scratch, 'out-'));
    const ok = await run('build', content, '--out', out);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toBe(`Built ${join(out, 'feed.json')} (1 items) and 0 archive pages: 1 items in all.\n`);
    expect((await run('validate', join(out, 'feed.json'))).code).toBe(EXIT.ok);

    writeFileSync(join(content, 'news/b.md'), '---\ntitle: B\ndate_published: 2026-01-02\n---\n');
    const bad = await run('build', content, '--out', join(out, 'other'));
    expect(bad.code).toBe(EXIT.invalid);
    expect(bad.err.split('\n')[0]).toBe(
      `${join(content, 'news/b.md')}:3: error: date_published: "2026-01-02" is a date without a time: write a date and time with an offset, such as 2026-01-02T09:00:00+08:00.`,
    );
    expect(readdirSync(out)).toEqual(['calendars', 'feed', 'feed.json']);
    expect((await run('build', join(content, 'nowhere'), '--out', out)).code).toBe(EXIT.unreadable);
    expect((await run('build', content, '--out', out, '--head-items', 'none')).code).toBe(EXIT.usage);
  });
});
