import { describe, expect, it } from 'vitest';
import { highlight, matcher, snippet, type Piece } from './highlight';

const marked = (pieces: Piece[] | undefined) => (pieces ?? []).filter((p) => p.mark).map((p) => p.text);
const joined = (pieces: Piece[] | undefined) => (pieces ?? []).map((p) => p.text).join('');

describe('highlight', () => {
  it('marks whole words the hit matched, whatever their case and accents', () => {
    const pieces = highlight(
      'Stations and the Café station',
      matcher('station cafe', ['stations', 'station', 'cafe']),
    );
    expect(marked(pieces)).toEqual(['Stations', 'Café', 'station']);
    expect(joined(pieces)).toBe('Stations and the Café station');
  });

  it('marks a Chinese query where it occurs inside longer runs', () => {
    const pieces = highlight('外国人才驿站：国际人才办事', matcher('人才', ['人才']));
    expect(marked(pieces)).toEqual(['人才', '人才']);
  });

  it('merges overlapping marks', () => {
    expect(marked(highlight('人才驿站', matcher('人才 才驿站', [])))).toEqual(['人才驿站']);
  });

  it('leaves text without a match whole and unmarked', () => {
    expect(highlight('Nothing here', matcher('station', ['station']))).toEqual([
      { text: 'Nothing here', mark: false },
    ]);
  });

  it('keeps markup in the text as text', () => {
    const pieces = highlight('<img src=x onerror=alert(1)> station', matcher('station', ['station']));
    expect(joined(pieces)).toBe('<img src=x onerror=alert(1)> station');
  });
});

describe('snippet', () => {
  const long = `${'Filler words before. '.repeat(20)}The talent station opens at nine. ${'More filler after. '.repeat(20)}`;

  it('cuts a window around the first match, with ellipses', () => {
    const pieces = snippet(long, matcher('talent', ['talent']), 100);
    expect(marked(pieces)).toEqual(['talent']);
    const text = joined(pieces);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(102);
    expect(text).toContain('The talent station');
  });

  it('is undefined when the text has no match', () => {
    expect(snippet(long, matcher('neutrino', ['neutrino']))).toBeUndefined();
  });
});

describe('highlighting across scripts', () => {
  it('marks Simplified text a Traditional query found, and back', () => {
    const marks = (text: string, query: string) =>
      highlight(text, matcher(query, []))
        .filter((piece) => piece.mark)
        .map((piece) => piece.text);
    expect(marks('江门侨务资讯中心', '江門')).toEqual(['江门']);
    expect(marks('江門僑務資訊中心', '资讯')).toEqual(['資訊']);
  });
});
