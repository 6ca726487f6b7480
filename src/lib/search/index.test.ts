import { describe, expect, it } from 'vitest';
import type { Item } from '@citylink/core/model';
import {
  best,
  collapseTranslations,
  matchesFilter,
  SearchIndex,
  withinOneEdit,
  type SearchFilter,
} from './index';

function makeItem(fields: Partial<Item> & Pick<Item, 'id'>): Item {
  return {
    kind: 'news',
    key: fields.id,
    authors: [],
    tags: [],
    attachments: [],
    translations: [],
    sortTime: 0,
    ...fields,
  };
}

const ids = (index: SearchIndex, query: string, filter: SearchFilter = {}) =>
  best(
    index.search(query).hits.filter((hit) => matchesFilter(hit.item, filter)),
    Infinity,
  ).map((hit) => hit.item.id);
/** The ids of the hits with every word of the query. */
const full = (index: SearchIndex, query: string) =>
  best(index.search(query).hits, Infinity)
    .filter((hit) => hit.missing === 0)
    .map((hit) => hit.item.id);

const station = makeItem({
  id: 'station-zh',
  title: '外国人才驿站：国际人才办事“一扇门”',
  contentHtml: '<p>江门外国人才<b>驿站</b>为海外专家提供一站式服务。</p>',
  tags: ['talent'],
  language: 'zh-Hans',
  translations: [{ language: 'en', id: 'station-en' }],
});
const stationEn = makeItem({
  id: 'station-en',
  title: 'Foreign Talent Station: one door for international professionals',
  contentText: 'The station in Jiangmen serves overseas experts.',
  tags: ['talent'],
  language: 'en',
  translations: [{ language: 'zh-Hans', id: 'station-zh' }],
});
const scattered = makeItem({
  id: 'scattered',
  // Holds 人才, 才驿 and 驿站 but never 人才驿站 in a row.
  contentText: '人才。才驿。驿站。',
  language: 'zh-Hans',
});
const neutrino = makeItem({
  id: 'neutrino',
  kind: 'event',
  title: 'Public evening: what are neutrinos?',
  contentText: 'Scientists from the detector explain, with a visit to the station.',
  tags: ['science'],
  event: {
    start: '2027-03-09T19:00:00+08:00',
    timezone: 'Asia/Shanghai',
    allDay: false,
    status: 'scheduled',
    venue: { name: 'Kaiping Science Hall', addressLocal: '开平市科学馆' },
    contacts: [],
  },
});
const desk = makeItem({
  id: 'desk',
  kind: 'contact',
  title: 'International Medical Desk',
  contact: {
    name: 'International Medical Desk',
    organization: 'Central Hospital',
    role: 'Interpreters',
    languages: ['en'],
  },
  tags: ['health'],
});

describe('SearchIndex', () => {
  const index = new SearchIndex([station, stationEn, scattered, neutrino, desk]);

  it('finds Chinese text by a query of two or more characters', () => {
    expect(ids(index, '驿站').sort()).toEqual(['scattered', 'station-zh']);
    expect(ids(index, '人才驿站')).toEqual(['station-zh']);
    expect(ids(index, '国际人才')).toEqual(['station-zh']);
    expect(ids(index, '人才银行')).toEqual([]);
  });

  it('finds a single Chinese character wherever it occurs, also at the end of a run', () => {
    expect(ids(index, '站').sort()).toEqual(['scattered', 'station-zh']);
    expect(ids(index, '馆')).toEqual(['neutrino']);
  });

  it('ranks items with every word first, then those with some, and completes the word being typed', () => {
    expect(full(index, 'talent station')).toEqual(['station-en']);
    const ranked = ids(index, 'talent station');
    expect(ranked[0]).toBe('station-en');
    // The Chinese story has the tag "talent"; the neutrino evening a station in its text.
    expect(ranked.slice(1).sort()).toEqual(['neutrino', 'station-zh']);
    expect(ids(index, 'neutr')).toEqual(['neutrino']);
    expect(ids(index, 'neutr ')).toEqual([]);
    expect(full(index, 'station bananas')).toEqual([]);
    expect(ids(index, 'station bananas')).toEqual(['station-en', 'neutrino']);
    expect(index.search('station bananas').hits.every((hit) => hit.missing === 1)).toBe(true);
  });

  it('takes a Chinese run as one word: all its pairs, and the whole run, or not at all', () => {
    // 人才驿站 is a word of the query; "scattered" holds its pairs apart, so only 江门 there.
    expect(full(index, '人才驿站 江门')).toEqual(['station-zh']);
    expect(ids(index, '人才驿站 开平')).toEqual(['station-zh', 'neutrino']);
    expect(ids(index, '人才银行 开平')).toEqual(['neutrino']);
  });

  it('reads a word in no item as the likeliest one a typo away, says so, and can search as typed', () => {
    expect(index.search('talnet').corrected).toBe('talent');
    expect(ids(index, 'talnet').sort()).toEqual(['station-en', 'station-zh']);
    expect(index.search('Talnet  station ').corrected).toBe('talent  station ');
    expect(index.search('talent').corrected).toBeUndefined();
    expect(index.search('talnet', { exact: true })).toEqual({ hits: [] });
  });

  it('tolerates one typo in a longer word that no item holds', () => {
    expect(ids(index, 'neutrnos ')).toEqual(['neutrino']);
    expect(ids(index, 'sceintists')).toEqual(['neutrino']);
    expect(ids(index, 'neutr ')).toEqual([]);
    expect(ids(index, 'hall ')).toEqual(['neutrino']);
    expect(ids(index, 'hell ')).toEqual([]);
  });

  it('completes the word being typed from two letters on', () => {
    expect(ids(index, 'sc')).toEqual(['neutrino']);
    expect(ids(index, 's')).toEqual([]);
  });

  it('searches venues, contact people and tags, in any case and with accents', () => {
    expect(ids(index, 'SCIENCE hall')).toEqual(['neutrino']);
    expect(ids(index, '科学馆')).toEqual(['neutrino']);
    expect(ids(index, 'ÎNTERPRETERS ')).toEqual(['desk']);
    expect(ids(index, 'interpreters')).toEqual(['desk']);
    expect(ids(index, 'health')).toEqual(['desk']);
  });

  it('ranks a match in the title above one in the body', () => {
    expect(ids(index, 'station')).toEqual(['station-en', 'neutrino']);
  });

  it('ranks an exact word above a longer word it begins', () => {
    const words = new SearchIndex([
      makeItem({ id: 'prefix', title: 'Stationery shop' }),
      makeItem({ id: 'exact', title: 'Station shop' }),
    ]);
    expect(ids(words, 'station')).toEqual(['exact', 'prefix']);
  });

  it('filters by kind and tag', () => {
    expect(ids(index, 'station', { kind: 'event' })).toEqual(['neutrino']);
    expect(ids(index, 'station', { tag: 'talent' })).toEqual(['station-en']);
    expect(ids(index, 'station', { tag: 'health' })).toEqual([]);
    expect(
      index
        .browse({ tag: 'talent' })
        .map((i) => i.id)
        .sort(),
    ).toEqual(['station-en', 'station-zh']);
  });

  it('finds an item by either script: Traditional queries meet Simplified text, and back', () => {
    const simplified = makeItem({ id: 'jm-hans', title: '江门侨务资讯', summary: '开平碉楼与村落' });
    const traditional = makeItem({ id: 'jm-hant', title: '江門僑務資訊', summary: '台山溫泉' });
    const english = makeItem({ id: 'jm-en', title: 'Jiangmen overseas news' });
    const index = new SearchIndex([simplified, traditional, english]);
    for (const query of ['江門', '江门', '資訊', '资讯'])
      expect(full(index, query).sort(), query).toEqual(['jm-hans', 'jm-hant']);
    // A phrase of three or more is checked as a whole, in either script.
    expect(full(index, '開平碉樓')).toEqual(['jm-hans']);
    expect(full(index, '台山温泉')).toEqual(['jm-hant']);
    // One character, by prefix.
    expect(full(index, '門').sort()).toEqual(['jm-hans', 'jm-hant']);
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(ids(index, '')).toEqual([]);
    expect(ids(index, ' ，。 ')).toEqual([]);
  });
});

describe('best', () => {
  it('picks the best few hits in order, the newer first on equal scores', () => {
    const hits = Array.from({ length: 50 }, (_, i) => ({
      item: makeItem({ id: `h${i}`, sortTime: i }),
      score: (i * 7) % 10,
      terms: [],
      group: i,
      missing: 0,
    }));
    const top = best(hits, 5).map((hit) => hit.item.id);
    const sorted = [...hits]
      .sort((a, b) => b.score - a.score || b.item.sortTime - a.item.sortTime)
      .slice(0, 5)
      .map((hit) => hit.item.id);
    expect(top).toEqual(sorted);
    expect(top).toEqual(['h47', 'h37', 'h27', 'h17', 'h7']);
    expect(best(hits, 0)).toEqual([]);
    // A hit lacking a word of the query comes after every hit with all of them.
    const partial = hits.map((hit) => ({ ...hit, missing: hit.score === 9 ? 1 : 0 }));
    expect(best(partial, 5).map((hit) => hit.item.id)).toEqual(['h44', 'h34', 'h24', 'h14', 'h4']);
    expect(best(partial, 50).at(-1)?.missing).toBe(1);
  });
});

describe('withinOneEdit', () => {
  it('allows one insertion, deletion, substitution or swap, and no more', () => {
    expect(withinOneEdit('helath', 'health')).toBe(true);
    expect(withinOneEdit('statin', 'station')).toBe(true);
    expect(withinOneEdit('stations', 'station')).toBe(true);
    expect(withinOneEdit('stetion', 'station')).toBe(true);
    expect(withinOneEdit('station', 'station')).toBe(false);
    expect(withinOneEdit('staiton', 'stations')).toBe(false);
    expect(withinOneEdit('sttn', 'station')).toBe(false);
  });
});

describe('keeping the index up to date', () => {
  it('adds new items, replaces changed ones and drops retracted ones', () => {
    const index = new SearchIndex([stationEn, neutrino]);
    expect(ids(index, 'detector')).toEqual(['neutrino']);

    index.upsert([
      { ...neutrino, title: 'Public evening: dark matter', contentText: 'Talks about galaxies.' },
    ]);
    expect(ids(index, 'detector')).toEqual([]);
    expect(ids(index, 'galaxies')).toEqual(['neutrino']);
    expect(index.search('galaxies').hits[0]?.item.title).toBe('Public evening: dark matter');

    index.upsert([station]);
    expect(ids(index, '驿站')).toEqual(['station-zh']);
    expect(index.size).toBe(3);

    index.remove(['station-zh', 'no-such-id']);
    expect(ids(index, '驿站')).toEqual([]);
    expect(index.size).toBe(2);
    expect(
      index
        .browse()
        .map((i) => i.id)
        .sort(),
    ).toEqual(['neutrino', 'station-en']);
  });

  it('re-checks a Chinese phrase against the changed text, not the old one', () => {
    const index = new SearchIndex([station]);
    expect(ids(index, '人才驿站')).toEqual(['station-zh']);
    index.upsert([{ ...station, title: '人才。驿站。', contentHtml: '<p>才驿</p>' }]);
    expect(ids(index, '人才驿站')).toEqual([]);
  });
});

describe('collapseTranslations', () => {
  it('keeps one item per translation group, in the interface language when both match', () => {
    const index = new SearchIndex([station, stationEn, neutrino]);
    const hits = index.search('talent').hits;
    expect(hits.map((h) => h.item.id).sort()).toEqual(['station-en', 'station-zh']);
    expect(collapseTranslations(hits, 'zh-Hans').map((h) => h.item.id)).toEqual(['station-zh']);
    expect(collapseTranslations(hits, 'en').map((h) => h.item.id)).toEqual(['station-en']);
  });

  it('groups items linked one way only, whichever side links and whatever their ids', () => {
    // Only the English side links: its id sorts first, so naming groups by ids would split them.
    const english = { ...stationEn, translations: [{ language: 'zh-Hans', id: 'station-zh' }] };
    const chinese = { ...station, translations: [] };
    const index = new SearchIndex([chinese, english]);
    expect(collapseTranslations(index.search('talent').hits, 'en').map((h) => h.item.id)).toEqual([
      'station-en',
    ]);
    expect(collapseTranslations(index.search('talent').hits, 'zh-Hans').map((h) => h.item.id)).toEqual([
      'station-zh',
    ]);
    // A change that drops the link splits the group again.
    index.upsert([{ ...english, translations: [] }]);
    expect(
      index
        .search('talent')
        .hits.map((h) => h.group)
        .filter((g, i, all) => all.indexOf(g) === i),
    ).toHaveLength(2);
  });

  it('shows a matched translation even when it is not in the interface language', () => {
    const index = new SearchIndex([station, stationEn]);
    expect(collapseTranslations(index.search('驿站').hits, 'en').map((h) => h.item.id)).toEqual([
      'station-zh',
    ]);
  });
});
