import { describe, expect, it } from 'vitest';
import { fold, foldScript, hanTerms, parseQuery, segments, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits Latin text into lower-cased words without accents or punctuation', () => {
    expect(tokenize('Café “Déjà-Vu”, 2027! ＦＵＬＬ width')).toEqual([
      'cafe',
      'deja',
      'vu',
      '2027',
      'full',
      'width',
    ]);
  });

  it('turns a Han run into overlapping bigrams and its last character', () => {
    expect(tokenize('外国人才驿站')).toEqual(['外国', '国人', '人才', '才驿', '驿站', '站']);
    expect(tokenize('门')).toEqual(['门']);
  });

  it('separates Han runs from Latin words and numbers in mixed text', () => {
    expect(tokenize('2027年元旦，Jiangmen江门。')).toEqual([
      '2027',
      '年元',
      '元旦',
      '旦',
      'jiangmen',
      '江门',
      '门',
    ]);
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    expect(hanTerms('𠀀中')).toEqual(['𠀀中', '中']);
  });

  it('splits a Han run of any length, and a query of one, without growing the stack', () => {
    // 200,000 terms: more arguments than one call takes on Node's stack (about 125,000).
    const run = '江门'.repeat(100_000);
    expect(tokenize(run)).toHaveLength(200_000);
    expect(parseQuery(run).terms).toEqual(['江门', '门江']);
  });

  it('folds compatibility forms and accents', () => {
    expect(fold('Ｎａïｖｅ')).toBe('naive');
  });

  it('reports offsets into the original text', () => {
    const text = 'Go 江门!';
    expect(segments(text).map((s) => text.slice(s.start, s.end))).toEqual(['Go', '江门']);
  });
});

describe('parseQuery', () => {
  it('needs every bigram of a Han query, without the lone last character', () => {
    expect(parseQuery('人才驿站')).toEqual({
      terms: ['人才', '才驿', '驿站'],
      words: [{ terms: ['人才', '才驿', '驿站'], phrase: '人才驿站', start: 0, end: 4 }],
      normal: '人才驿站',
      phrases: ['人才驿站'],
      han: ['人才驿站'],
      partial: '驿站',
    });
  });

  it('keeps a one-character Han query as that character', () => {
    expect(parseQuery('站').terms).toEqual(['站']);
  });

  it('marks the last word as partial only while it is being typed', () => {
    expect(parseQuery('talent sta').partial).toBe('sta');
    expect(parseQuery('talent station ').partial).toBeUndefined();
  });

  it('keeps each word with its place, for a corrected query and partial matches', () => {
    const { words } = parseQuery('Jiangmen 江门 events');
    expect(words.map((w) => [w.terms, w.start, w.end])).toEqual([
      [['jiangmen'], 0, 8],
      [['江门'], 9, 11],
      [['events'], 12, 18],
    ]);
  });

  it('mixes languages and drops duplicates and punctuation', () => {
    expect(parseQuery('Kaiping 开平, kaiping!').terms).toEqual(['kaiping', '开平']);
    expect(parseQuery('  ？！ ').terms).toEqual([]);
  });
});

describe('foldScript', () => {
  it('writes Traditional characters, Hong Kong’s and Taiwan’s variants too, in Simplified', () => {
    expect(foldScript('江門僑務資訊')).toBe('江门侨务资讯');
    expect(foldScript('綫路 裡面 溫泉')).toBe('线路 里面 温泉');
    expect(foldScript('江门 Jiangmen 2026')).toBe('江门 Jiangmen 2026');
  });

  it('keeps the length, so offsets into folded text hold', () => {
    const text = '五邑僑鄉𠀋資訊';
    expect(foldScript(text)).toHaveLength(text.length);
  });

  it('folds index terms and queries alike', () => {
    expect(tokenize('江門資訊')).toEqual(tokenize('江门资讯'));
    expect(parseQuery('江門').terms).toEqual(['江门']);
  });
});
