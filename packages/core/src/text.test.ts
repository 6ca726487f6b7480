import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item } from './model';
import { displayTitle, excerpt, htmlToText, listEntry, truncate } from './text';

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

describe('listEntry', () => {
  const body = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.string({ unit: fc.constantFrom('a', ' ', '中', '😀', '\n'), maxLength: 400 }),
  );
  it('keeps what lists show of an item: its title and excerpt', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
        body,
        fc.boolean(),
        (title, summary, text, asHtml) => {
          const full = item(
            asHtml
              ? { title, summary, contentHtml: `<p>${text}</p>` }
              : { title, summary, contentText: text },
          );
          const listed = listEntry(full);
          expect(excerpt(listed)).toBe(excerpt(full));
          expect(displayTitle(listed)).toBe(displayTitle(full));
          expect(listed.contentHtml).toBeUndefined();
          expect(Array.from(listed.contentText ?? '').length).toBeLessThanOrEqual(181);
        },
      ),
      { numRuns: 500 },
    );
  });
});
