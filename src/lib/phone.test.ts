import { describe, expect, it } from 'vitest';
import { displayPhone, telHref } from './phone';

describe('telHref', () => {
  it('keeps the leading + and the digits of international numbers', () => {
    expect(telHref('+86 750 555 0101')).toBe('tel:+867505550101');
    expect(telHref('+86-750-5550101')).toBe('tel:+867505550101');
    expect(telHref('+86.750.555.0101')).toBe('tel:+867505550101');
    expect(telHref('  +86 750 555 0101\n')).toBe('tel:+867505550101');
  });

  it('keeps local numbers as dialled', () => {
    expect(telHref('(0750) 555-0101')).toBe('tel:07505550101');
    expect(telHref('0750/5550101')).toBe('tel:07505550101');
    expect(telHref('110')).toBe('tel:110');
  });

  it('turns an extension into ;ext=', () => {
    expect(telHref('(0750) 555-0101 ext. 2')).toBe('tel:07505550101;ext=2');
    expect(telHref('+86 750 555 0101 ext 23')).toBe('tel:+867505550101;ext=23');
    expect(telHref('+86 750 555 0101, Extension: 4')).toBe('tel:+867505550101;ext=4');
    expect(telHref('+86 750 555 0101 x5')).toBe('tel:+867505550101;ext=5');
    expect(telHref('0750-5550101转8')).toBe('tel:07505550101;ext=8');
    expect(telHref('0750-5550101 分机 88')).toBe('tel:07505550101;ext=88');
  });

  it('reads full-width characters and drops a bracketed trunk 0 after a country code', () => {
    expect(telHref('＋８６（７５０）５５５０１０１')).toBe('tel:+867505550101');
    expect(telHref('+86 (0)750 555 0101')).toBe('tel:+867505550101');
    expect(telHref('+86 – 750 — 555 0101')).toBe('tel:+867505550101');
  });

  it('refuses what is not a phone number', () => {
    expect(telHref('')).toBeUndefined();
    expect(telHref('   ')).toBeUndefined();
    expect(telHref('12')).toBeUndefined();
    expect(telHref('+1 2')).toBeUndefined();
    expect(telHref('ext. 2')).toBeUndefined();
    expect(telHref('1-800-FLOWERS')).toBeUndefined();
    expect(telHref('call 0750 555 0101')).toBeUndefined();
    expect(telHref('0750 555 0101 ext.')).toBeUndefined();
    expect(telHref('++86 750 555 0101')).toBeUndefined();
    expect(telHref('86+750')).toBeUndefined();
  });

  it('refuses hostile input instead of building a link from it', () => {
    expect(telHref('javascript:alert(1)')).toBeUndefined();
    expect(telHref('123;phone-context=example.com')).toBeUndefined();
    expect(telHref('0750 555 0101 ext. 2;isub=1')).toBeUndefined();
    expect(telHref('0750"><script>')).toBeUndefined();
    expect(telHref('0750 555 0101 #1')).toBeUndefined();
    expect(telHref('0750&5550101')).toBeUndefined();
  });
});

describe('displayPhone', () => {
  it('trims surrounding whitespace and keeps everything else', () => {
    expect(displayPhone('  +86 750 555 0101 ext. 2\n')).toBe('+86 750 555 0101 ext. 2');
    expect(displayPhone('(0750) 555-0101')).toBe('(0750) 555-0101');
  });
});
