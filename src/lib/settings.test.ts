import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './settings';

describe('parseSettings', () => {
  it('reads what was stored', () => {
    const stored = {
      language: 'zh-Hans',
      theme: 'dark',
      textSize: 175,
      dataSaver: true,
      onlyMyLanguage: true,
    };
    expect(parseSettings(JSON.stringify(stored))).toEqual(stored);
  });

  it('starts from the defaults on a new device or an unreadable record', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('42')).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces each unknown or out-of-range field by its default, keeping the others', () => {
    const parsed = parseSettings(
      JSON.stringify({
        language: 'fr',
        theme: 'sepia',
        textSize: 900,
        dataSaver: 'yes',
        onlyMyLanguage: true,
      }),
    );
    expect(parsed).toEqual({ ...DEFAULT_SETTINGS, textSize: 200, onlyMyLanguage: true });
    expect(parseSettings(JSON.stringify({ textSize: 20 })).textSize).toBe(100);
  });
});
