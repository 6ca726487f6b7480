/**
 * A city's configuration: everything that makes one city's build differ from another's, in
 * one typed file (`citylink.config.ts` at the root, or the file `CITYLINK_CONFIG` names).
 * The build checks it before anything else and stops with one line per mistake
 * (docs/new-city.md). vite.config.ts turns it into the manifest, the head, the app's name,
 * colours, icons, hours rules, CSP origins and the feed the pages are rendered from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { LANGUAGES, type Language } from '../packages/core/src/languages';

const text = v.pipe(v.string('must be text'), v.trim(), v.nonEmpty('must not be empty'));

/** One text per interface language: every language the app has (LANGUAGES) must be there. */
const perLanguage = v.strictObject(
  Object.fromEntries(LANGUAGES.map((lang) => [lang, text])) as Record<Language, typeof text>,
  (issue) =>
    issue.expected?.startsWith('never')
      ? `is not an interface language (${LANGUAGES.join(', ')})`
      : `must give a text for each of ${LANGUAGES.join(', ')}`,
);

const httpUrl = (what: string) =>
  v.pipe(
    v.string(`must be ${what}`),
    v.check((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be ${what}`),
  );

const colour = v.pipe(
  v.string('must be a colour'),
  v.regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #0b6e4f'),
);

const zone = v.pipe(
  v.string('must be an IANA time zone'),
  v.check((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return value.includes('/') || value === 'UTC';
    } catch {
      return false;
    }
  }, 'must be an IANA time zone, such as Asia/Shanghai'),
);

const host = v.pipe(
  v.string('must be a host name'),
  v.regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name (with a port if not the default), not an address'),
);

const CitySchema = v.strictObject(
  {
    /** The city's name in each interface language: "Jiangmen", "江门", "江門". */
    city: perLanguage,
    /** The app's names: the home-screen name (short) and the full one. */
    app: v.strictObject({ name: perLanguage, shortName: perLanguage }, 'must have name and shortName'),
    /** One line for the manifest and the pages' description, per language. */
    description: perLanguage,
    /** Where the site is served; `CITYLINK_SITE_URL` overrides it (a local test build). */
    siteUrl: httpUrl('an http(s) address'),
    /**
     * Where the feed comes from: the demo (`content/`), a folder of Markdown that the build
     * turns into the site's own feed (citylink-feed), or the address of a feed another system
     * publishes, which the build reads to render the pages.
     */
    feed: v.variant(
      'from',
      [
        v.strictObject({ from: v.literal('demo') }),
        v.strictObject({ from: v.literal('content'), folder: text }),
        v.strictObject({ from: v.literal('url'), url: httpUrl('an http(s) address of a feed') }),
      ],
      'must be "demo", "content" (with a folder) or "url" (with a url)',
    ),
    /** The languages offered, first the default: a subset of the interface languages. */
    languages: v.pipe(
      v.array(v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`), 'must be a list of languages'),
      v.nonEmpty('must name at least one language'),
      v.transform((list) => list as [Language, ...Language[]]),
    ),
    timeZone: zone,
    /** Where the city is: sunrise and sunset rules of opening hours, and public holidays. */
    place: v.strictObject({
      lat: v.pipe(
        v.number('must be a number'),
        v.minValue(-90, 'must be -90 to 90'),
        v.maxValue(90, 'must be -90 to 90'),
      ),
      lon: v.pipe(
        v.number('must be a number'),
        v.minValue(-180, 'must be -180 to 180'),
        v.maxValue(180, 'must be -180 to 180'),
      ),
      /** ISO 3166-1 code, lower case, and the state or province as opening_hours names it. */
      country: v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be a two-letter country code in lower case')),
      state: text,
    }),
    /**
     * The brand colour in each scheme: buttons, the icon's background; the light one also tints
     * links, the active tab and containers (build/city-assets.ts).
     */
    colours: v.strictObject({ light: colour, dark: colour }),
    /** The drawing every icon is made from (@vite-pwa/assets-generator), relative to the root. */
    icon: v.pipe(text, v.regex(/\.(svg|png)$/i, 'must be an .svg or .png file')),
    /**
     * The folder of files served as they are, where the icon is: the demo's `public/` holds
     * the demo's feed and pictures, so another city has its own.
     */
    publicDir: v.optional(text, 'public'),
    /** The demo's screenshots for the install dialog (public/screenshots), or none. */
    screenshots: v.optional(v.boolean('must be true or false'), false),
    /** Hosts whose pictures a feed body may load without a tap (src/data/image-hosts.ts). */
    imageHosts: v.optional(v.array(host, 'must be a list of host names'), []),
    /** The push service (docs/push.md): `/push/` on the site's own host unless this says. */
    pushUrl: v.optional(v.union([v.literal('/push/'), httpUrl('an http(s) address or "/push/"')])),
  },
  (issue) =>
    issue.expected?.startsWith('never') ? 'is not a setting of a city' : 'must be an object of settings',
);

export type CityInput = v.InferInput<typeof CitySchema>;
export type City = v.InferOutput<typeof CitySchema>;

/** Types a configuration file's object: `export default defineCity({ … })`. */
export function defineCity(city: CityInput): CityInput {
  return city;
}

/**
 * What is wrong with a configuration, one line per mistake, each naming the setting; the
 * brand colours are also checked against the app's text colours (`contrastProblems`).
 */
export function cityProblems(input: unknown, css?: string): string[] {
  const result = v.safeParse(CitySchema, input, { abortPipeEarly: true });
  if (!result.success) {
    return result.issues.map((issue) => {
      const path = v.getDotPath(issue) ?? '';
      // An object's own message for a key it lacks is valibot's; a missing setting says so.
      const message =
        issue.kind === 'schema' && issue.input === undefined && path ? 'is missing' : issue.message;
      return path ? `${path} ${message}` : `the configuration ${message}`;
    });
  }
  const city = result.output;
  const problems: string[] = [];
  const extra = city.languages.filter((lang, at) => city.languages.indexOf(lang) !== at);
  if (extra.length) problems.push(`languages names ${extra.join(', ')} twice`);
  if (city.feed.from !== 'demo' && city.publicDir.replace(/\/+$/, '') === 'public') {
    problems.push("publicDir must be the city's own folder: public/ holds the demo's feed and pictures");
  }
  return [...problems, ...contrastProblems(city.colours, css)];
}

/** The checked configuration, or an error that lists every mistake. */
export function checkCity(input: unknown, file: string, css?: string): City {
  const problems = cityProblems(input, css);
  if (problems.length) {
    throw new Error(
      `${file} has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return v.parse(CitySchema, input);
}

/** The configuration file a build reads: `CITYLINK_CONFIG`, else the root's. */
export function cityFile(root: string, env: Record<string, string | undefined> = process.env): string {
  return resolve(root, env.CITYLINK_CONFIG?.trim() || 'citylink.config.ts');
}

// ---------------------------------------------------------------------------------------------
// Contrast: the brand colour is the background of buttons and the active tab, under the app's
// accent text colour, and it is the colour of icons and outlines on the page. WCAG 2.2 asks
// 4.5:1 for the text on it and 3:1 for it as a control against the page.

/** The app's own colours in a scheme, read from src/app/styles.css. */
export interface SchemeColours {
  bg: string;
  accentText: string;
}

const STYLES = new URL('../src/app/styles.css', import.meta.url);

/** `--bg` and `--accent-text` of the light (`:root`) and dark (`[data-theme='dark']`) palettes. */
export function appColours(css = readFileSync(STYLES, 'utf8')): {
  light: SchemeColours;
  dark: SchemeColours;
} {
  const block = (selector: string) => {
    const start = css.indexOf(selector);
    const body = css.slice(start, css.indexOf('}', start));
    const token = (name: string) => {
      const found = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(body)?.[1];
      if (!found) throw new Error(`src/app/styles.css has no --${name} under ${selector}.`);
      return found;
    };
    return { bg: token('bg'), accentText: token('accent-text') };
  };
  return { light: block(':root {'), dark: block(":root[data-theme='dark'] {") };
}

/** WCAG 2.2's contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channel = (at: number) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Where the brand colours are too faint against the app's text and page colours. */
export function contrastProblems(colours: { light: string; dark: string }, css?: string): string[] {
  const app = appColours(css);
  const problems: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const brand = colours[scheme];
    const { accentText, bg } = app[scheme];
    const onBrand = contrast(brand, accentText);
    if (onBrand < 4.5) {
      problems.push(
        `colours.${scheme} ${brand} under the app's button text ${accentText} has contrast ${onBrand.toFixed(2)}:1, below 4.5:1`,
      );
    }
    const onPage = contrast(brand, bg);
    if (onPage < 3) {
      problems.push(
        `colours.${scheme} ${brand} on the app's ${scheme} page ${bg} has contrast ${onPage.toFixed(2)}:1, below 3:1`,
      );
    }
  }
  return problems;
}

/** Reads and checks a configuration file through Vite's module runner (it is TypeScript). */
export async function loadCity(file: string): Promise<City> {
  if (!existsSync(file)) throw new Error(`No city configuration at ${file} (docs/new-city.md).`);
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport<{ default?: unknown }>(file, {
    configFile: false,
    logLevel: 'silent',
  });
  return checkCity(module.default, file);
}

/** The global constant a build defines for an app name in a language (the catalogues read it). */
export function appNameConstant(kind: 'name' | 'shortName', lang: Language): string {
  const what = kind === 'name' ? 'APP_NAME' : 'SHORT_NAME';
  return `__CITYLINK_${what}_${lang.replace('-', '_').toUpperCase()}__`;
}

/**
 * What the build replaces in the app's code, as Vite's `define`: the app's names for the
 * catalogues, whether it is the demo, the city's place for the opening-hours rules, and the
 * addresses and hosts src/data reads as `import.meta.env` (which unit tests stub instead, so
 * vitest.config.ts leaves those out). Constants cost the home's code nothing at run time.
 */
export function cityDefines(city: City): Record<string, string> {
  const names = LANGUAGES.flatMap((lang) =>
    (['name', 'shortName'] as const).map((kind): [string, string] => [
      appNameConstant(kind, lang),
      JSON.stringify(city.app[kind][lang]),
    ]),
  );
  return {
    ...Object.fromEntries(names),
    // The demo's notice that its feed is sample data (src/features/more/More.tsx).
    __CITYLINK_DEMO__: JSON.stringify(city.feed.from === 'demo'),
    __CITYLINK_PLACE__: JSON.stringify({
      lat: city.place.lat,
      lon: city.place.lon,
      address: { country_code: city.place.country, state: city.place.state },
    }),
    'import.meta.env.VITE_FEED_URL': JSON.stringify(city.feed.from === 'url' ? city.feed.url : ''),
    'import.meta.env.VITE_PUSH_URL': JSON.stringify(city.pushUrl ?? ''),
    'import.meta.env.VITE_IMAGE_HOSTS': JSON.stringify(city.imageHosts.join(',')),
  };
}
