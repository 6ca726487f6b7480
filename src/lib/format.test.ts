import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-more';

describe('formatBytes', () => {
  it('picks the largest unit that keeps the number at 1 or more, in the given language', () => {
    expect(formatBytes(512, 'en')).toBe('0.5 kB');
    expect(formatBytes(3_250_000, 'en')).toBe('3.3 MB');
    expect(formatBytes(42_000, 'en')).toBe('42 kB');
    expect(formatBytes(1_500_000_000, 'zh-Hans')).toMatch(/^1\.5\s?GB$/);
  });
});
