import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './languages';

describe('chooseLanguage', () => {
  it('follows the first language we have', () => {
    expect(chooseLanguage(['zh-CN', 'en'])).toBe('zh-Hans');
    expect(chooseLanguage(['zh-TW'])).toBe('zh-Hans');
    expect(chooseLanguage(['fr-FR', 'en-US'])).toBe('en');
    expect(chooseLanguage(['de', 'zh-Hans-CN'])).toBe('zh-Hans');
    expect(chooseLanguage([])).toBe('en');
  });
});
