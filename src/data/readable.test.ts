import { beforeEach, describe, expect, it } from 'vitest';
import type * as DbModule from './db';
import type * as ReadableModule from './readable';
import type { FeedMeta, Item } from '@citylink/core/model';
import { localized } from '@citylink/core/translations';
import { emptyDatabase } from '../../tests/support/database';

let db: typeof DbModule;
let readable: typeof ReadableModule;

beforeEach(async () => {
  emptyDatabase();
  db = await import('./db');
  readable = await import('./readable');
});

function item(id: string, extra: Partial<Item> = {}): Item {
  return {
    id,
    kind: 'news',
    key: id,
    sortTime: 0,
    authors: [],
    tags: [],
    attachments: [],
    translations: [],
    ...extra,
  };
}

async function storeFeed(language: string): Promise<void> {
  await db.tx(['feed'], async (t) => {
    await t.put('feed', { title: 'Test', expired: false, languages: [], language }, 'current');
  });
}

describe('readableItems', () => {
  it('gives every reader but one of Traditional the items as stored', async () => {
    const hans = item('s', { title: '江门', language: 'zh-Hans' });
    for (const language of ['en', 'zh-Hans']) {
      const [shown] = await readable.readableItems([hans], language);
      expect(shown).toBe(hans);
    }
    const [converted] = await readable.readableItems([hans], 'zh-Hant');
    expect(converted!.title).toBe('江門');
    expect(hans.title).toBe('江门');
  });

  it('reads an item with no language as the stored feed’s, unless told the feed’s language', async () => {
    await storeFeed('zh-Hans');
    const bare = item('b', { title: '江门' });
    expect((await readable.readableItems([bare], 'zh-Hant'))[0]!.title).toBe('江門');
    expect((await readable.readableItems([bare], 'zh-Hant', { feedLanguage: 'en' }))[0]).toBe(bare);
  });
});

describe('readableMeta', () => {
  const meta: FeedMeta = {
    title: 'Jiangmen',
    expired: false,
    languages: ['zh-Hans', 'en'],
    cityNames: { en: 'Jiangmen', 'zh-Hans': '江门' },
  };

  it('converts a feed’s labels once for every part of the screen that asks', async () => {
    const first = await readable.readableMeta(meta, 'zh-Hant');
    expect(localized(first?.cityNames, 'zh-Hant')).toBe('江門');
    expect(await readable.readableMeta(meta, 'zh-Hant')).toBe(first);
    expect(await readable.readableMeta(meta, 'en')).toBe(meta);
  });
});

describe('inScriptOf', () => {
  it('converts text of a converted item as the item was, and leaves any other', async () => {
    expect(await readable.inScriptOf('台山华侨路', 'zh-Hant-TW-t-zh-hans')).toBe('台山華僑路');
    expect(await readable.inScriptOf('台山华侨路', 'zh-Hans')).toBe('台山华侨路');
    expect(await readable.inScriptOf('台山华侨路', undefined)).toBe('台山华侨路');
  });
});
