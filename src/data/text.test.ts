import { describe, expect, it } from 'vitest';
import type { Item } from './model';
import { displayTitle, excerpt, htmlToText, truncate } from './text';

const item = (over: Partial<Item>): Item => ({
  id: 'x',
  kind: 'news',
  key: 'x',
  authors: [],
  tags: [],
  attachments: [],
  translations: [],
  sortTime: 0,
  ...over,
});

describe('htmlToText', () => {
  it('drops tags, scripts and styles and decodes entities', () => {
    expect(
      htmlToText('<p>A &amp; B</p><script>evil()</script><style>p{}</style><p>&#x4e2d;&#25991;&nbsp;x</p>'),
    ).toBe('A & B 中文 x');
  });
  it('leaves unknown or invalid entities alone', () => {
    expect(htmlToText('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
  });
});

describe('truncate', () => {
  it('never cuts a surrogate pair', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });
  it('keeps short text as it is', () => {
    expect(truncate('江门', 5)).toBe('江门');
  });
});

describe('titles and excerpts', () => {
  it('uses the title, else the summary, else the body, else the id', () => {
    expect(displayTitle(item({ title: ' T ' }))).toBe('T');
    expect(displayTitle(item({ summary: 'S' }))).toBe('S');
    expect(displayTitle(item({ contentHtml: '<p>Body</p>' }))).toBe('Body');
    expect(displayTitle(item({}))).toBe('x');
  });
  it('does not repeat an untitled body as its excerpt', () => {
    expect(excerpt(item({ contentText: 'Body' }))).toBe('');
    expect(excerpt(item({ title: 'T', contentText: 'Body' }))).toBe('Body');
  });
});
