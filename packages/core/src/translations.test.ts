import { describe, expect, it } from 'vitest';
import type { Item } from './model';
import {
  cityName,
  inLanguage,
  languageMatch,
  localized,
  pickLanguage,
  tagLabel,
  translationGroups,
} from './translations';

function item(id: string, language: string | undefined, translations: string[] = []): Item {
  return {
    id,
    kind: 'news',
    key: id,
    authors: [],
    tags: [],
    attachments: [],
    translations: translations.map((t) => ({ language: '', id: t })),
    sortTime: 0,
    ...(language ? { language } : {}),
  };
}

describe('languageMatch', () => {
  it('ranks the same tag over the same language over another language', () => {
    expect(languageMatch('zh-Hans', 'zh-hans')).toBe(2);
    expect(languageMatch('en-GB', 'en')).toBe(1);
    expect(languageMatch('en', 'zh-Hans')).toBe(0);
    expect(languageMatch(undefined, 'en')).toBe(0);
  });

  it('ranks Chinese in the reader’s script as their own, the other script as the same language', () => {
    expect(languageMatch('zh-Hans', 'zh-CN')).toBe(2);
    expect(languageMatch('zh-TW', 'zh-Hant')).toBe(2);
    expect(languageMatch('zh-Hant-HK', 'zh-Hant')).toBe(2);
    expect(languageMatch('zh-Hans', 'zh-Hant')).toBe(1);
    expect(languageMatch('zh', 'zh-Hant')).toBe(1);
    expect(languageMatch('zh-HK', 'zh-Hans')).toBe(1);
  });
});

describe('translationGroups', () => {
  const ids = (items: Item[]) => items.map((i) => i.id);

  it('reads links in both directions: either side may name the other', () => {
    // Only English names Chinese, and only the second Chinese names the second English.
    const groups = translationGroups([
      item('a-en', 'en', ['a-zh']),
      item('a-zh', 'zh-Hans'),
      item('b-en', 'en'),
      item('b-zh', 'zh-Hans', ['b-en']),
    ]);
    expect(ids(groups.members('a-zh'))).toEqual(['a-en', 'a-zh']);
    expect(ids(groups.members('b-en'))).toEqual(['b-en', 'b-zh']);
    expect(groups.groupOf('a-en')).toBe(groups.groupOf('a-zh'));
    expect(groups.groupOf('a-en')).not.toBe(groups.groupOf('b-en'));
  });

  it('follows links transitively, whatever the order of the items', () => {
    const list = [item('c-fr', 'fr', ['c-en']), item('c-zh', 'zh-Hans', ['c-en']), item('c-en', 'en')];
    for (const order of [list, [...list].reverse()]) {
      const groups = translationGroups(order);
      expect(ids(groups.members('c-fr')).sort()).toEqual(['c-en', 'c-fr', 'c-zh']);
      expect(new Set(order.map((i) => groups.groupOf(i.id))).size).toBe(1);
    }
  });

  it('keeps members in input order and answers nothing for an unknown id', () => {
    const groups = translationGroups([
      item('d-zh', 'zh-Hans'),
      item('x', 'en'),
      item('d-en', 'en', ['d-zh']),
    ]);
    expect(ids(groups.members('d-en'))).toEqual(['d-zh', 'd-en']);
    expect(ids(groups.members('x'))).toEqual(['x']);
    expect(groups.members('missing')).toEqual([]);
    expect(groups.groupOf('missing')).toBeUndefined();
  });

  it('joins no items of different kinds, and ignores links to items it was not given', () => {
    const event = { ...item('e-zh', 'zh-Hans'), kind: 'event' as const };
    const groups = translationGroups([item('e-en', 'en', ['e-zh', 'gone']), event]);
    expect(ids(groups.members('e-en'))).toEqual(['e-en']);
    expect(ids(groups.members('e-zh'))).toEqual(['e-zh']);
  });
});

describe('pickLanguage', () => {
  const list = [
    item('a-en', 'en', ['a-zh']),
    item('a-zh', 'zh-Hans', ['a-en']),
    item('b-zh', 'zh-Hans'),
    item('c-en', 'en'),
    item('d-zh', 'zh-Hans', ['d-en']),
    item('d-en', 'en'),
  ];
  const ids = (items: Item[]) => items.map((i) => i.id);

  it('keeps the reader’s language and items that have no translation', () => {
    expect(ids(pickLanguage(list, 'zh-Hans', 'en'))).toEqual(['a-zh', 'b-zh', 'c-en', 'd-zh']);
    expect(ids(pickLanguage(list, 'en', 'en'))).toEqual(['a-en', 'b-zh', 'c-en', 'd-en']);
  });

  it('follows one-sided links', () => {
    expect(ids(pickLanguage(list, 'en', 'en'))).not.toContain('d-zh');
  });

  it('falls back to the feed language, then to the first published', () => {
    const other = [item('x-zh', 'zh-Hans', ['x-en']), item('x-en', 'en', ['x-zh'])];
    expect(ids(pickLanguage(other, 'fr', 'en'))).toEqual(['x-en']);
    expect(ids(pickLanguage(other, 'fr'))).toEqual(['x-zh']);
  });

  it('reads an item without a language as the feed’s', () => {
    const mixed = [item('y', undefined, ['y-zh']), item('y-zh', 'zh-Hans')];
    expect(ids(pickLanguage(mixed, 'en', 'en'))).toEqual(['y']);
    expect(ids(pickLanguage(mixed, 'zh-Hans', 'en'))).toEqual(['y-zh']);
  });

  it('gives a Traditional reader Traditional, then Simplified (converted), then the rest', () => {
    const versions = [
      item('t-en', 'en', ['t-hans', 't-hant']),
      item('t-hans', 'zh-Hans', ['t-en']),
      item('t-hant', 'zh-Hant', ['t-en']),
      item('u-en', 'en', ['u-hans']),
      item('u-hans', 'zh-Hans'),
      item('v-tw', 'zh-TW', ['v-hans']),
      item('v-hans', 'zh-Hans'),
    ];
    expect(ids(pickLanguage(versions, 'zh-Hant', 'en'))).toEqual(['t-hant', 'u-hans', 'v-tw']);
    // A Simplified reader still reads Simplified first.
    expect(ids(pickLanguage(versions, 'zh-Hans', 'en'))).toEqual(['t-hans', 'u-hans', 'v-hans']);
  });

  it('ignores links to items it was not given, and empty input', () => {
    expect(ids(pickLanguage([item('z', 'en', ['missing'])], 'zh-Hans'))).toEqual(['z']);
    expect(pickLanguage([], 'en')).toEqual([]);
  });
});

describe('inLanguage', () => {
  const list = [
    item('a-en', 'en', ['a-zh']),
    item('a-zh', 'zh-Hans', ['a-en']),
    item('b-zh', 'zh-Hans'),
    item('c-en-gb', 'en-GB'),
    item('d', undefined),
  ];
  const ids = (items: Item[]) => items.map((i) => i.id);

  it('after pickLanguage, hides only the stories with no version in the reader’s language', () => {
    expect(ids(inLanguage(pickLanguage(list, 'en'), 'en'))).toEqual(['a-en', 'c-en-gb', 'd']);
    expect(ids(inLanguage(pickLanguage(list, 'zh-Hans'), 'zh-Hans'))).toEqual(['a-zh', 'b-zh', 'd']);
  });

  it('judges an item without a language by the feed’s', () => {
    expect(ids(inLanguage([item('d', undefined)], 'en', 'zh-Hans'))).toEqual([]);
    expect(ids(inLanguage([item('d', undefined)], 'zh-CN', 'zh-Hans'))).toEqual(['d']);
  });
});

describe('localized', () => {
  const names = { en: 'Jiangmen', 'zh-Hans': '江门', zh: '江門' };
  it('takes the exact tag, then the same language, then the first text', () => {
    expect(localized(names, 'zh-Hans')).toBe('江门');
    expect(localized({ en: 'Jiangmen', zh: '江门' }, 'zh-Hans')).toBe('江门');
    expect(localized(names, 'en-GB')).toBe('Jiangmen');
    expect(localized({ fr: 'Jiangmen (fr)', de: 'Jiangmen (de)' }, 'en')).toBe('Jiangmen (fr)');
    expect(localized(undefined, 'en')).toBeUndefined();
  });

  it('names the city from its map, else from its one name', () => {
    expect(cityName({ cityNames: names }, 'zh-Hans')).toBe('江门');
    expect(cityName({ city: 'Jiangmen' }, 'zh-Hans')).toBe('Jiangmen');
    expect(cityName(null, 'en')).toBeUndefined();
  });
});

describe('tagLabel', () => {
  const meta = {
    tagLabels: { culture: { en: 'Culture', 'zh-Hans': '文化' }, health: { 'zh-Hans': '健康' } },
  };
  it('reads the feed’s label in the reader’s language, nearest tag first', () => {
    expect(tagLabel(meta, 'culture', 'zh-Hans')).toBe('文化');
    expect(tagLabel(meta, 'culture', 'zh-CN')).toBe('文化');
    expect(tagLabel(meta, 'culture', 'en-GB')).toBe('Culture');
  });
  it('shows the tag as written without a label in the reader’s language', () => {
    expect(tagLabel(meta, 'health', 'en')).toBe('health');
    expect(tagLabel(meta, 'transport', 'zh-Hans')).toBe('transport');
    expect(tagLabel(undefined, 'culture', 'zh-Hans')).toBe('culture');
  });
});
