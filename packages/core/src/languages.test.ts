import { describe, expect, it } from 'vitest';
import { chineseScript, chooseLanguage } from './languages';

describe('chooseLanguage', () => {
  it('follows the first language we have', () => {
    expect(chooseLanguage(['zh-CN', 'en'])).toBe('zh-Hans');
    expect(chooseLanguage(['zh-TW'])).toBe('zh-Hant');
    expect(chooseLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(chooseLanguage(['de', 'zh-Hans-CN'])).toBe('zh-Hans');
    expect(chooseLanguage([])).toBe('en');
  });

  it('gives Traditional Chinese to Taiwan, Hong Kong, Macau and a Hant script', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-CA', 'zh_TW', 'ZH-hk'])
      expect(chooseLanguage([tag]), tag).toBe('zh-Hant');
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK', 'zh-MY'])
      expect(chooseLanguage([tag]), tag).toBe('zh-Hans');
    // A tag that merely starts with the letters is no Chinese or English.
    expect(chooseLanguage(['zza', 'enm', 'zh-HK'])).toBe('zh-Hant');
  });
});

describe('chineseScript', () => {
  it('reads the script before any extension', () => {
    expect(chineseScript('zh-Hant-HK-t-zh-hans')).toBe('zh-Hant');
    expect(chineseScript('zh-CN-t-zh-hant')).toBe('zh-Hans');
    expect(chineseScript('zh-HK-u-nu-hanidec')).toBe('zh-Hant');
  });
});
