import { describe, expect, it } from 'vitest';
import { placeLine } from './place-line';

describe('placeLine', () => {
  it('gives an address that begins with the place alone, not the place twice', () => {
    expect(
      placeLine('Zili Village, Kaiping', 'Zili Village, Tangkou Town, Kaiping, Jiangmen, Guangdong', ', '),
    ).toBe('Zili Village, Tangkou Town, Kaiping, Jiangmen, Guangdong');
  });
  it('joins a name and an address that differ, in the script’s own way', () => {
    expect(placeLine('Heritage Hall', '6 Huaqiao Road, Taishan', ', ')).toBe(
      'Heritage Hall, 6 Huaqiao Road, Taishan',
    );
    expect(placeLine('开平自力村', '广东省江门市开平市塘口镇自力村', '，')).toBe(
      '开平自力村，广东省江门市开平市塘口镇自力村',
    );
  });
  it('gives whichever is there', () => {
    expect(placeLine(undefined, 'Road 1', ', ')).toBe('Road 1');
    expect(placeLine('Hall', undefined, ', ')).toBe('Hall');
  });
});
