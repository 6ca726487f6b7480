import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from '../../tools/support/figures';
import type * as DbModule from './db';
import { parseFeed } from '@citylink/core/parse';
import type * as SyncModule from './sync';
import { emptyDatabase } from '../../tests/support/database';

const FEED = 'https://city.example.org/feed.json';
const RUNS = 1_000;

// Values of every JSON type, with a bias towards the shapes a feed has.
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const json = fc.jsonValue({ maxDepth: 3 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb, json), { nil: undefined, freq: 2 });
const date = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-02-30T10:00:00Z', 'yesterday', '2026-01-01', ''),
);
const item = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), json),
    title: maybe(fc.string()),
    content_html: maybe(fc.string()),
    content_text: maybe(fc.string()),
    url: maybe(fc.webUrl()),
    image: maybe(fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)'))),
    date_published: maybe(date),
    tags: maybe(fc.array(fc.string())),
    _city: maybe(
      fc.record(
        {
          kind: maybe(fc.constantFrom('news', 'event', 'contact', 'other')),
          slug: maybe(fc.string({ maxLength: 10 })),
          deleted: maybe(fc.boolean()),
          event: maybe(fc.record({ start: maybe(date), end: maybe(date), timezone: maybe(fc.string()) })),
          contact: maybe(fc.record({ name: maybe(fc.string()), phone: maybe(fc.string()) })),
          translations: maybe(fc.array(fc.record({ language: maybe(fc.string()), id: scalar }))),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
/** A feed document as a server might send it: mostly feed-shaped, sometimes anything at all. */
const document = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        version: maybe(fc.string()),
        title: maybe(fc.string()),
        items: fc.array(fc.oneof(item, json), { maxLength: 8 }),
        next_url: maybe(fc.webUrl()),
      },
      { requiredKeys: ['items'] },
    ),
  },
  { weight: 1, arbitrary: json },
);
const body = fc.oneof(
  { weight: 8, arbitrary: document.map((doc) => JSON.stringify(doc)) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: document.map((doc) => JSON.stringify(doc).slice(0, -3)) },
);

describe('parseFeed on generated feeds', () => {
  it(`never throws, and keeps only well-formed, distinct items (${RUNS} cases)`, () => {
    let items = 0;
    fc.assert(
      fc.property(fc.oneof(body, document), (input) => {
        const result = parseFeed(input, { baseUrl: FEED, receivedAt: 1 });
        if (!result.ok) {
          expect(result.error).toBeTypeOf('string');
          return;
        }
        const ids = result.items.map((i) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const i of result.items) {
          expect(i.id).toBeTypeOf('string');
          expect(i.id.trim()).not.toBe('');
          expect(['news', 'event', 'contact']).toContain(i.kind);
          expect(i.image ?? 'https://x').toMatch(/^https?:/);
        }
        items += result.items.length;
      }),
      { numRuns: RUNS },
    );
    expect(items).toBeGreaterThan(0);
  });
});

/** How a generated response fails, if it does: the network's ways and the server's. */
type Delivery = 'ok' | 'reject' | 'stall' | 'cut' | 'http-500' | 'not-modified';

function respond(delivery: Delivery, text: string, init?: RequestInit): Promise<Response> {
  switch (delivery) {
    case 'reject':
      return Promise.reject(new TypeError('Failed to fetch'));
    case 'http-500':
      return Promise.resolve(new Response('oops', { status: 500 }));
    case 'not-modified':
      return Promise.resolve(new Response(null, { status: 304 }));
    case 'ok':
      return Promise.resolve(new Response(text));
    default: {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, text.length >> 1)));
          if (delivery === 'cut') controller.error(new TypeError('network error'));
          else init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return Promise.resolve(new Response(stream));
    }
  }
}

describe('syncFeed on generated feeds and failures', () => {
  let db: typeof DbModule;
  let sync: typeof SyncModule;
  const seeds = Array.from({ length: 6 }, (_, i) => ({
    id: `seed-${i}`,
    title: `Seed ${i}`,
    content_text: 'kept',
    date_published: `2026-01-0${i + 1}T00:00:00Z`,
  }));
  const outcomes = new Map<string, number>();
  const deliveries = new Map<Delivery, number>();

  beforeAll(async () => {
    emptyDatabase();
    db = await import('./db');
    sync = await import('./sync');
  });

  it(`never throws and never loses a stored item it was not told to retract (${RUNS} cases)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom<Delivery>('ok', 'ok', 'ok', 'reject', 'stall', 'cut', 'http-500', 'not-modified'),
        fc.subarray(seeds.map((seed) => seed.id)),
        async (text, delivery, retracted) => {
          // Every case starts from the seeds stored: a sync of the seed feed restores them, each
          // published again with a later change (a retracted item stays out otherwise).
          const modified = new Date(Date.UTC(2026, 1, 1) + ++run * 1000).toISOString();
          const seedFeed = JSON.stringify({
            version: 'https://jsonfeed.org/version/1.1',
            items: seeds.map((seed) => ({ ...seed, date_modified: modified })),
          });
          await sync.syncFeed({ feedUrl: FEED, fetch: () => Promise.resolve(new Response(seedFeed)) });
          // Some cases also retract some seeds, which is the one way a stored item may go.
          const served =
            retracted.length && delivery === 'ok'
              ? JSON.stringify({ items: retracted.map((id) => ({ id, _city: { deleted: true } })) })
              : text;
          const report = await sync.syncFeed({
            feedUrl: FEED,
            fetch: ((_url: string, init?: RequestInit) => respond(delivery, served, init)) as typeof fetch,
            timeoutMs: 5,
          });
          deliveries.set(delivery, (deliveries.get(delivery) ?? 0) + 1);
          const kind = report.error?.kind ?? report.outcome;
          outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
          // The store never fails here: a failure is the network's, the server's or the feed's.
          expect(report.error?.kind ?? 'none').not.toMatch(/^storage|^unexpected$/);
          // The one way a stored item may go: a retraction in a page that was read whole.
          const parsed = parseFeed(served, { baseUrl: FEED, receivedAt: 1 });
          const allowedGone = delivery === 'ok' && parsed.ok ? parsed.retractions : [];
          const stored = new Set((await db.allItems()).map((i) => i.id));
          for (const seed of seeds) if (!allowedGone.includes(seed.id)) expect(stored).toContain(seed.id);
        },
      ),
      { numRuns: RUNS },
    );
    // Every way of failing was met, and none lost anything.
    expect([...outcomes.keys()].sort()).toEqual(
      expect.arrayContaining(['http', 'invalid', 'offline', 'timeout', 'unchanged', 'updated']),
    );
    // Written only once every case has held: no crash, no stored item lost.
    recordFigure('generated-feeds', {
      parseCases: RUNS,
      syncCases: RUNS,
      crashes: 0,
      storedItemsLost: 0,
      syncOutcomes: Object.fromEntries(outcomes),
      deliveries: Object.fromEntries(deliveries),
    });
  }, 120_000);
});
