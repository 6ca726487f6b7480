import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jiangmen from '../citylink.config';
import { checkCity, contrast, type City } from './city';
import { brandStyles, cityIcons, fillHead, STYLE_BRAND } from './city-assets';
import { siteUrl } from './site';

const base = checkCity(jiangmen, 'citylink.config.ts');
const other: City = {
  ...base,
  city: { en: 'Harbourton', 'zh-Hans': '港湾市', 'zh-Hant': '港灣市' },
  app: {
    name: { en: 'Citylink "Harbourton" <&>', 'zh-Hans': '港湾城市通', 'zh-Hant': '港灣城市通' },
    shortName: { en: 'Citylink', 'zh-Hans': '城市通', 'zh-Hant': '城市通' },
  },
  languages: ['zh-Hant', 'en'],
  colours: { light: '#1d4f91', dark: '#a8c8ff' },
  icon: 'tests/cities/harbourton/public/icon.svg',
};

describe("the city's face", () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');

  it("fills index.html's head in the city's first language, escaped", () => {
    expect(fillHead(html, base)).toContain('<title>Citylink Jiangmen</title>');
    const filled = fillHead(html, other);
    expect(filled).toContain('<title>港灣城市通</title>');
    expect(filled).toContain('<meta name="apple-mobile-web-app-title" content="城市通" />');
    expect(filled).not.toMatch(/%CITYLINK_|Jiangmen/);
    const english = fillHead(html, { ...other, languages: ['en'] });
    expect(english).toContain('<title>Citylink &quot;Harbourton&quot; &lt;&amp;&gt;</title>');
  });

  it("puts the city's brand colours where the stylesheet has the demo's, in both schemes", () => {
    const css = readFileSync(new URL('../src/app/styles.css', import.meta.url), 'utf8');
    expect(brandStyles(css, base)).toBe(css);
    const branded = brandStyles(css, other);
    expect(branded).not.toMatch(new RegExp(`${STYLE_BRAND.light}|${STYLE_BRAND.dark}`, 'i'));
    expect(branded).toContain('--accent: #1d4f91;');
    expect(branded).toContain('--accent: #a8c8ff;');
    expect(branded).toContain('--inverse-accent: #1d4f91;');
  });

  it("tints links, the active tab's pill and containers from the city's colour, readable", () => {
    const css = readFileSync(new URL('../src/app/styles.css', import.meta.url), 'utf8');
    const branded = brandStyles(css, other);
    // No green of the demo's palette is left beside Harbourton's blue.
    for (const green of [
      '#0a5c42',
      '#cfe9dc',
      '#0b2118',
      '#a7f2cf',
      '#002115',
      '#334b40',
      '#cde9da',
      '#005139',
    ]) {
      expect(branded, green).not.toContain(green);
    }
    // Each scheme's pairs, read back from the branded stylesheet, as a reader sees them.
    const blocks = {
      light: branded.split(':root {')[1]!,
      dark: branded.split(":root[data-theme='dark'] {")[1]!,
    };
    for (const [scheme, block] of Object.entries(blocks)) {
      const token = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6});`, 'i').exec(block)![1]!;
      expect(contrast(token('link'), token('bg')), `${scheme} link`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(token('on-tonal'), token('tonal')), `${scheme} tab`).toBeGreaterThanOrEqual(4.5);
      expect(
        contrast(token('on-container'), token('container')),
        `${scheme} container`,
      ).toBeGreaterThanOrEqual(4.5);
      // Blue, not green: more blue than green in the tab's pill.
      const pill = token('tonal');
      expect(parseInt(pill.slice(5, 7), 16), `${scheme} pill ${pill}`).toBeGreaterThan(
        parseInt(pill.slice(3, 5), 16),
      );
    }
  });

  it("makes the icons from the city's drawing, padded in its colour", () => {
    const icons = cityIcons(other);
    expect(icons.image).toBe('tests/cities/harbourton/public/icon.svg');
    const preset = icons.preset as { maskable: { resizeOptions: { background: string } } };
    expect(preset.maskable.resizeOptions.background).toBe('#1d4f91');
  });

  it("takes the site address from CITYLINK_SITE_URL, else the city's", () => {
    expect(siteUrl({}, 'https://harbourton.example/app/')).toBe('https://harbourton.example');
    expect(siteUrl({ CITYLINK_SITE_URL: 'http://127.0.0.1:4630' }, 'https://harbourton.example')).toBe(
      'http://127.0.0.1:4630',
    );
  });
});
