import { describe, expect, it } from 'vitest';
import type { Item } from '../data/model';
import { earlierWindow, joinPages, moreWindow, pagesOn, startWindow, type PageWindow } from './page-window';

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
