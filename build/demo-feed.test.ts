import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_DIR, buildFeed } from '../packages/feed/src/build';

const root = new URL('../', import.meta.url);

describe('the demo feed', () => {
  // `npm run build` rebuilds public/feed.json and public/feed/ from content/; a content edit
  // committed without the files it builds to (or the other way round) fails here.
  it('is what content/ builds to, byte for byte, and nothing else', () => {
    const built = buildFeed(fileURLToPath(new URL('content', root)));
    expect(built.problems).toEqual([]);
    const committed = [
      'feed.json',
      ...readdirSync(new URL(`public/${ARCHIVE_DIR}/`, root)).map((name) => `${ARCHIVE_DIR}/${name}`),
    ].sort();
    expect(committed).toEqual(built.files.map((file) => file.path).sort());
    for (const file of built.files) {
      expect(readFileSync(new URL(`public/${file.path}`, root), 'utf8'), file.path).toBe(file.text);
    }
  });

  it('has a small head and archive pages, with news, events and contacts in both languages', () => {
    const built = buildFeed(fileURLToPath(new URL('content', root)));
    expect(built.archives).toBeGreaterThanOrEqual(2);
    expect(built.headItems).toBeLessThan(built.items / 2);
    const items = built.files.flatMap(
      (file) => (JSON.parse(file.text) as { items: { _city: { kind: string }; language: string }[] }).items,
    );
    for (const kind of ['news', 'event', 'contact']) {
      for (const language of ['en', 'zh-Hans']) {
        expect(items.some((item) => item._city.kind === kind && item.language === language)).toBe(true);
      }
    }
  });
});
