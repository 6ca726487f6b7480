/**
 * The city's face: its names and description in index.html's head, its brand colours in the
 * stylesheet, and its icons (made by @vite-pwa/assets-generator from the city's drawing).
 */
import { argbFromHex, hexFromArgb, Hct, SchemeTonalSpot } from '@material/material-color-utilities';
import type { Plugin } from 'vite';
import { minimal2023Preset } from '@vite-pwa/assets-generator/config';
import type { PWAAssetsOptions } from 'vite-plugin-pwa';
import type { City } from './city';

/** The brand colours styles.css is written with (Jiangmen's), which a city's build replaces. */
export const STYLE_BRAND = { light: '#0b6e4f', dark: '#8bd6b4' };

/** index.html's placeholders, filled from the configuration in the city's first language. */
export function fillHead(html: string, city: City): string {
  const lang = city.languages[0];
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return html
    .replace(/%CITYLINK_APP_NAME%/g, escape(city.app.name[lang]))
    .replace(/%CITYLINK_SHORT_NAME%/g, escape(city.app.shortName[lang]))
    .replace(/%CITYLINK_DESCRIPTION%/g, escape(city.description[lang]));
}

/**
 * The tones of Material's tonal-spot palettes that styles.css's other brand-tinted colours are
 * (Jiangmen's came from its green this way): each value of the stylesheet, the palette and tone
 * it is. Light and dark share a value where they share a tone (#a7f2cf: the light container, the
 * dark text on a container).
 */
const STYLE_TONES: Record<string, ['primary' | 'secondary', number]> = {
  '#0a5c42': ['primary', 35], // --link, light: darker than the accent, for text on the page
  '#a7f2cf': ['primary', 90], // --container (light), --on-container (dark)
  '#002115': ['primary', 10], // --on-container (light)
  '#005139': ['primary', 30], // --container (dark)
  '#cfe9dc': ['secondary', 90], // --tonal (light): the active tab's pill
  '#cde9da': ['secondary', 90], // --on-tonal (dark)
  '#0b2118': ['secondary', 10], // --on-tonal (light)
  '#334b40': ['secondary', 30], // --tonal (dark)
};

/**
 * The stylesheet with the city's brand colours: the accent of each scheme, the inverse accent
 * (a snackbar's action), which is the other scheme's accent, and, for a brand other than the
 * one it is written with, every colour tinted by it (links, the active tab's pill, containers),
 * from Material's tonal palettes of the city's light colour (@material/material-color-utilities,
 * as Material You derives an app's colours from one), so that no green is left beside a blue.
 */
export function brandStyles(css: string, city: City): string {
  const swap: Record<string, string> = {
    [STYLE_BRAND.light]: city.colours.light,
    [STYLE_BRAND.dark]: city.colours.dark,
  };
  if (city.colours.light.toLowerCase() !== STYLE_BRAND.light) {
    const scheme = new SchemeTonalSpot(Hct.fromInt(argbFromHex(city.colours.light)), false, 0);
    const palettes = { primary: scheme.primaryPalette, secondary: scheme.secondaryPalette };
    for (const [value, [palette, tone]] of Object.entries(STYLE_TONES)) {
      swap[value] = hexFromArgb(palettes[palette].tone(tone));
    }
  }
  return css.replace(
    new RegExp(Object.keys(swap).join('|'), 'gi'),
    (found) => swap[found.toLowerCase()] ?? found,
  );
}

export function cityAssetsPlugin(city: City): Plugin {
  return {
    name: 'citylink-city-assets',
    transformIndexHtml: { order: 'pre', handler: (html) => fillHead(html, city) },
    transform(code, id) {
      return id.split('?', 1)[0]?.endsWith('/src/app/styles.css') ? brandStyles(code, city) : undefined;
    },
  };
}

/**
 * vite-plugin-pwa's icon settings: every icon (manifest icons, the maskable icon,
 * apple-touch-icon, favicon.ico) from the city's one drawing, generated at build time.
 */
export function cityIcons(city: City): PWAAssetsOptions {
  // A maskable or Apple icon is cut to the platform's shape, so its padding must be the
  // brand colour rather than white.
  const brand = { background: city.colours.light, fit: 'contain' as const };
  return {
    config: false,
    image: city.icon,
    htmlPreset: '2023',
    // The head already has a theme colour per colour scheme.
    injectThemeColor: false,
    preset: {
      ...minimal2023Preset,
      // The platform's mask keeps only the central 80% circle (the maskable "safe zone").
      maskable: { ...minimal2023Preset.maskable, padding: 0.3, resizeOptions: brand },
      // iOS fills transparency with black and rounds the corners itself.
      apple: { ...minimal2023Preset.apple, padding: 0.1, resizeOptions: brand },
    },
  };
}
