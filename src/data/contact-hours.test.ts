import { beforeEach, describe, expect, it } from 'vitest';
import type * as DbModule from './db';
import type * as SyncModule from './sync';
import { emptyDatabase } from '../../tests/support/database';

const FEED = 'https://city.example.org/feed.json';

let db: typeof DbModule;
let sync: typeof SyncModule;

beforeEach(async () => {
  emptyDatabase();
  db = await import('./db');
  sync = await import('./sync');
});

const contact = (id: string, openingHours?: string) => ({
  id,
  title: `Office ${id}`,
  content_text: 'Ask us.',
  date_published: '2026-01-01T10:00:00+08:00',
  _city: { kind: 'contact', contact: { name: `Office ${id}`, opening_hours: openingHours } },
});

async function store(items: unknown[]): Promise<void> {
  const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Test', items });
  const report = await sync.syncFeed({
    feedUrl: FEED,
    fetch: () => Promise.resolve(new Response(body, { status: 200 })),
  });
  expect(report.outcome).toBe('updated');
}

describe('contactHours: whether this device needs the opening_hours parser', () => {
  it('counts nothing on an empty device', async () => {
    expect(await db.contactHours()).toEqual({ contacts: 0, withHours: 0 });
  });

  it('counts stored contacts with and without hours, and no news', async () => {
    await store([
      contact('a', 'Mo-Fr 09:00-17:00'),
      contact('b'),
      { id: 'n', title: 'News', content_text: 'x', date_published: '2026-01-01T10:00:00+08:00' },
    ]);
    expect(await db.contactHours()).toEqual({ contacts: 2, withHours: 1 });
  });

  it('counts a saved contact once, and still after the feed drops it', async () => {
    await store([contact('a', 'Mo-Fr 09:00-17:00')]);
    const saved = await db.findItem('contact', 'a');
    if (!saved) throw new Error('not stored');
    await db.saveItem(saved, 1);
    expect(await db.contactHours()).toEqual({ contacts: 1, withHours: 1 });
    await store([contact('b')]);
    expect(await db.contactHours()).toEqual({ contacts: 2, withHours: 1 });
  });
});
