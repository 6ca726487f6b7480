import { describe, expect, it } from 'vitest';
import {
  convertedTag,
  convertedTarget,
  isConverted,
  localizedTag,
  needsTraditional,
  traditionalTarget,
} from './traditional';
import { languageMatch } from './translations';

describe('needsTraditional', () => {
  it('is true only for Simplified text and a Traditional reader', () => {
    expect(needsTraditional('zh-Hans', 'zh-Hant')).toBe(true);
    expect(needsTraditional('zh-CN', 'zh-Hant')).toBe(true);
    expect(needsTraditional('zh', 'zh-Hant-TW')).toBe(true);
    expect(needsTraditional('zh-Hant', 'zh-Hant')).toBe(false);
    expect(needsTraditional('zh-TW', 'zh-Hant')).toBe(false);
    expect(needsTraditional('zh-Hans', 'zh-Hans')).toBe(false);
    expect(needsTraditional('en', 'zh-Hant')).toBe(false);
    expect(needsTraditional(undefined, 'zh-Hant')).toBe(false);
    expect(needsTraditional('zh-Hans', 'en')).toBe(false);
  });
});

describe('traditionalTarget', () => {
  it('is Taiwan’s standard for a Taiwan reader, Hong Kong’s for every other', () => {
    expect(traditionalTarget(['zh-TW', 'en'])).toBe('tw');
    expect(traditionalTarget(['en-US', 'zh-Hant-TW'])).toBe('tw');
    expect(traditionalTarget(['zh_tw'])).toBe('tw');
    expect(traditionalTarget(['zh-HK', 'zh-TW'])).toBe('hk');
    expect(traditionalTarget(['zh-Hant'])).toBe('hk');
    expect(traditionalTarget(['zh-MO'])).toBe('hk');
    expect(traditionalTarget(['en-US'])).toBe('hk');
    expect(traditionalTarget(['zht', 'tw'])).toBe('hk');
  });
});

describe('convertedTag', () => {
  it('names the region’s Traditional, transformed from Simplified, read back by isConverted', () => {
    expect(convertedTag('hk')).toBe('zh-Hant-HK-t-zh-hans');
    expect(convertedTag('tw')).toBe('zh-Hant-TW-t-zh-hans');
    expect(isConverted(convertedTag('tw'))).toBe(true);
    expect(isConverted('zh-Hant-HK')).toBe(false);
    expect(isConverted('zh-Hans')).toBe(false);
    expect(isConverted(undefined)).toBe(false);
    expect(convertedTarget('zh-Hant-TW-t-zh-hans')).toBe('tw');
    expect(convertedTarget('zh-hant-hk-t-zh-hans')).toBe('hk');
    expect(convertedTarget('zh-Hant-MO-t-zh-hans')).toBeUndefined();
    // Still Traditional, and the reader's own: no "other language" mark, no second conversion.
    expect(languageMatch(convertedTag('hk'), 'zh-Hant')).toBe(2);
    expect(needsTraditional(convertedTag('hk'), 'zh-Hant')).toBe(false);
  });
});

describe('localizedTag', () => {
  it('names the version localized() reads', () => {
    const map = { en: 'Jiangmen', 'zh-Hans': '江门' };
    expect(localizedTag(map, 'zh-Hant')).toBe('zh-Hans');
    expect(localizedTag({ ...map, 'zh-Hant': '江門' }, 'zh-Hant')).toBe('zh-Hant');
    expect(localizedTag(map, 'en-GB')).toBe('en');
    expect(localizedTag(undefined, 'en')).toBeUndefined();
  });
});
