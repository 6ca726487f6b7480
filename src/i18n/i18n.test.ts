import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';
import { formatsFor, resolveLocale } from '.';

describe('formatsFor', () => {
  it("formats in the region of the reader's first preference in the interface language", () => {
    expect(formatsFor('en', ['en-GB'])).toBe('en-GB');
    expect(formatsFor('en', ['zh-CN', 'en-US', 'en-GB'])).toBe('en-US');
    expect(formatsFor('zh-Hans', ['zh-CN', 'en-US'])).toBe('zh-Hans-CN');
    expect(formatsFor('zh-Hans', ['zh-Hant-HK'])).toBe('zh-Hans-HK');
    expect(formatsFor('zh-Hant', ['zh-TW'])).toBe('zh-Hant-TW');
    expect(formatsFor('zh-Hant', ['en-CA', 'zh-CA'])).toBe('zh-Hant-CA');
  });
  it("falls back to the language's default where the reader names no region", () => {
    // British, as the app's English is; not Intl's "en", which is American.
    expect(formatsFor('en', ['en'])).toBe('en-GB');
    expect(formatsFor('en', ['zh-CN'])).toBe('en-GB');
    expect(formatsFor('zh-Hans', ['zh', 'en-US'])).toBe('zh-Hans-CN');
    expect(formatsFor('zh-Hant', ['zh-Hant'])).toBe('zh-Hant-HK');
    expect(formatsFor('en', ['en-not a tag'])).toBe('en-GB');
  });
});

describe('catalogues', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
    );
  it.each([
    ['zh-Hans', zhHans],
    ['zh-Hant', zhHant],
  ])('%s translates every key, with the same template slots', (_, catalogue) => {
    expect(keys(catalogue).sort()).toEqual(keys(en).sort());
    const slots = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const get = (o: object, path: string) =>
      path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
    for (const key of keys(en)) {
      expect(slots(get(catalogue, key)), key).toEqual(slots(get(en, key)));
      expect(get(catalogue, key), key).not.toBe('');
    }
  });
});

describe('the Traditional catalogue', () => {
  // Mainland words that a character conversion of the Simplified catalogue keeps; readers in
  // Hong Kong and Taiwan say 資訊, 載入, 設定, 預設, 搜尋, 連結, 檔案, 儲存, 快取, 螢幕…
  const MAINLAND = [
    '信息',
    '加載',
    '設置',
    '默認',
    '搜索',
    '鏈接',
    '文件',
    '保存',
    '存儲',
    '緩存',
    '屏幕',
    '網絡',
  ];
  const MORE = [
    '菜單',
    '支持',
    '服務器',
    '用戶',
    '視頻',
    '軟件',
    '點擊',
    '二維碼',
    '聯繫',
    '打開',
    '刷新',
    '“',
  ];
  const strings = (o: object): string[] =>
    Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : strings(v as object)));
  it.each([...MAINLAND, ...MORE])('does not say %s', (word) => {
    expect(strings(zhHant).filter((s) => s.includes(word))).toEqual([]);
  });
  it('punctuates full-width', () => {
    expect(strings(zhHant).filter((s) => /[\u4e00-\u9fff][,.:;!?()]/u.test(s))).toEqual([]);
  });
});

describe('resolveLocale', () => {
  it('follows the device until a language is chosen by hand', () => {
    expect(resolveLocale('system', 'zh-Hans')).toBe('zh-Hans');
    expect(resolveLocale('system', 'en')).toBe('en');
    expect(resolveLocale('en', 'zh-Hans')).toBe('en');
    expect(resolveLocale('zh-Hans', 'en')).toBe('zh-Hans');
  });
});
