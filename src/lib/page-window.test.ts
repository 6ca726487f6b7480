import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item } from '@citylink/core/model';
import {
  earlierWindow,
  joinPages,
  keepUnchanged,
  moreWindow,
  pagesOn,
  revealStep,
  startWindow,
  type PageWindow,
} from './page-window';

/** Pages of ten numbered items: page k starts at item 10k, and ends where page k + 1 starts. */
const end = (window: PageWindow<number>) => (window.first + 1) * 10;

describe('the window of pages on screen', () => {
  it('adds pages up to the limit, then lets the first one go as the next comes', () => {
    let window = startWindow(0);
    for (let i = 0; i < 2; i++) window = moreWindow(window, 3, end(window));
    expect(window).toEqual({ first: 0, last: 2, anchor: 0, earlier: [] });
    expect(pagesOn(window)).toEqual([0, 1, 2]);

    window = moreWindow(window, 3, end(window));
    expect(pagesOn(window)).toEqual([1, 2, 3]);
    expect(window.anchor).toBe(10);
    window = moreWindow(window, 3, end(window));
    expect(window).toEqual({ first: 2, last: 4, anchor: 20, earlier: [0, 10] });
  });

  it('brings back the pages that left, at their own starts, and lets the last go', () => {
    let window = startWindow(0);
    for (let i = 0; i < 5; i++) window = moreWindow(window, 3, end(window));
    expect(pagesOn(window)).toEqual([3, 4, 5]);

    window = earlierWindow(window, 3);
    expect(window).toEqual({ first: 2, last: 4, anchor: 20, earlier: [0, 10] });
    window = earlierWindow(earlierWindow(window, 3), 3);
    expect(window).toEqual({ first: 0, last: 2, anchor: 0, earlier: [] });
    // Nothing before the first page.
    expect(earlierWindow(window, 3)).toBe(window);
  });

  it('keeps a short window whole when a page comes back above it', () => {
    let window = moreWindow(moreWindow(startWindow(0), 2, 10), 2, 10);
    expect(pagesOn(window)).toEqual([1, 2]);
    window = earlierWindow(window, 4);
    expect(pagesOn(window)).toEqual([0, 1, 2]);
  });
});

describe('joinPages', () => {
  const item = (id: string, ...links: string[]) =>
    ({ id, translations: links.map((link) => ({ language: 'zh-Hans', id: link })) }) as Pick<
      Item,
      'id' | 'translations'
    >;

  it('concatenates pages in order', () => {
    const pages = [[item('a'), item('b')], [item('c')]];
    expect(joinPages(pages).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('shows a story once when pages read at different moments overlap', () => {
    // The same item twice; a translation of a shown item, linked from either side.
    const pages = [
      [item('a', 'a-zh'), item('b')],
      [item('b'), item('a-zh', 'a'), item('c-zh', 'b')],
      [item('d')],
    ];
    expect(joinPages(pages).map((i) => i.id)).toEqual(['a', 'b', 'd']);
  });
});

describe('revealStep', () => {
  // Cards are objects, compared by identity as Solid's <For> does.
  const cards = (ids: string) => [...ids].map((id) => ({ id }));
  const ids = (list: readonly { id: string }[]) => list.map((card) => card.id).join('');
  /** Every step from `current` to `target`, the last being `target` itself. */
  const steps = <T>(current: readonly T[], target: readonly T[]) => {
    const seen: (readonly T[])[] = [current];
    while (seen.at(-1) !== target) seen.push(revealStep(seen.at(-1)!, target));
    return seen.slice(1);
  };

  it('appends a new page one card at a time', () => {
    const all = cards('abcdef');
    const path = steps(all.slice(0, 3), all);
    expect(path.map(ids)).toEqual(['abcd', 'abcde', 'abcdef']);
    expect(path.at(-1)).toBe(all);
  });

  it('replaces a list top down, keeping its length, those leaving last', () => {
    const old = cards('abcd');
    const next = cards('wxyz');
    expect(steps(old, next).map(ids)).toEqual(['wabc', 'wxab', 'wxya', 'wxyz']);
  });

  it('moves cards already on screen without counting them as steps', () => {
    const [a, b, c, d] = cards('abcd');
    const path = steps([a!, b!, c!], [c!, a!, d!, b!]);
    expect(path.map(ids)).toEqual(['cadb']);
  });

  it('takes the target at once when nothing is new, also to drop cards', () => {
    const all = cards('abc');
    const fewer = all.slice(1);
    expect(revealStep(all, fewer)).toBe(fewer);
    expect(revealStep(all, [])).toEqual([]);
  });

  it('reaches any target in one step per new card, each bringing one and keeping the others', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 25 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 25 }),
        (from, to) => {
          const pool = Array.from({ length: 31 }, (_, id) => ({ id: String(id) }));
          const current = from.map((i) => pool[i]!);
          const target = to.map((i) => pool[i]!);
          const added = target.filter((card) => !current.includes(card)).length;
          const path = steps(current, target);
          expect(path).toHaveLength(Math.max(added, 1));
          let before: readonly { id: string }[] = current;
          for (const list of path) {
            const fresh = list.filter((card) => !before.includes(card));
            expect(fresh.length).toBeLessThanOrEqual(1);
            // A card of the target once on screen stays there.
            for (const card of before) if (target.includes(card)) expect(list).toContain(card);
            expect(new Set(list).size).toBe(list.length);
            before = list;
          }
        },
      ),
    );
  });
});

describe('keepUnchanged', () => {
  const page = (...items: { id: string; title: string }[]) => ({ items, next: null });

  it('keeps the objects of unchanged items, and takes changed and new ones as read', () => {
    const before = page({ id: 'a', title: 'A' }, { id: 'b', title: 'B' });
    const read = page({ id: 'c', title: 'C' }, { id: 'b', title: 'B2' }, { id: 'a', title: 'A' });
    const kept = keepUnchanged(before, read);
    expect(kept.items[0]).toBe(read.items[0]);
    expect(kept.items[1]).toBe(read.items[1]);
    expect(kept.items[2]).toBe(before.items[0]);
    expect(kept.items.map((item) => item.title)).toEqual(['C', 'B2', 'A']);
  });

  it('takes a first read as it is', () => {
    const read = page({ id: 'a', title: 'A' });
    expect(keepUnchanged(undefined, read)).toBe(read);
  });
});
