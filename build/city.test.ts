import { describe, expect, it } from 'vitest';
import jiangmen from '../citylink.config';
import { appColours, checkCity, cityProblems, contrast } from './city';

const broken = (change: (city: Record<string, unknown>) => void): unknown => {
  const city = structuredClone(jiangmen) as unknown as Record<string, unknown>;
  change(city);
  return city;
};

describe('city configuration', () => {
  it("accepts Jiangmen's, as a fresh clone builds it", () => {
    expect(cityProblems(jiangmen)).toEqual([]);
    expect(checkCity(jiangmen, 'citylink.config.ts').imageHosts).toEqual([]);
  });

  it('names each mistake by its setting, one line each', () => {
    const city = broken((c) => {
      (c.city as Record<string, string>)['zh-Hant'] = ' ';
      c.siteUrl = 'ftp://city.example';
      c.timeZone = 'Mars/Olympus';
      c.colours = { light: 'green', dark: '#8bd6b4' };
      c.languages = ['en', 'fr'];
      c.feed = { from: 'url', url: 'feed.json' };
      c.mayor = 'Someone';
    });
    expect(cityProblems(city)).toEqual([
      'city.zh-Hant must not be empty',
      'siteUrl must be an http(s) address',
      'feed.url must be an http(s) address of a feed',
      'languages.1 must be one of en, zh-Hans, zh-Hant',
      'timeZone must be an IANA time zone, such as Asia/Shanghai',
      'colours.light must be a colour like #0b6e4f',
      'mayor is not a setting of a city',
    ]);
  });

  it('asks for every interface language, and no other', () => {
    expect(cityProblems(broken((c) => (c.city = 'Jiangmen')))).toEqual([
      'city must give a text for each of en, zh-Hans, zh-Hant',
    ]);
    const missing = broken((c) => {
      c.app = { ...(c.app as object), shortName: { en: 'Citylink', 'zh-Hans': '城市通' } };
      c.description = { ...(c.description as object), fr: 'Nouvelles' };
    });
    expect(cityProblems(missing)).toEqual([
      'app.shortName.zh-Hant is missing',
      'description.fr is not an interface language (en, zh-Hans, zh-Hant)',
    ]);
  });

  it('tells a feed source it does not know, a bad icon, place or host', () => {
    const city = broken((c) => {
      c.feed = { from: 'ftp' };
      c.icon = 'logo.gif';
      c.place = { lat: 122, lon: 113, country: 'CN' };
      c.imageHosts = ['https://images.example.org/'];
      c.languages = ['en', 'en'];
    });
    expect(cityProblems(city)).toEqual([
      'feed.from must be "demo", "content" (with a folder) or "url" (with a url)',
      'place.lat must be -90 to 90',
      'place.country must be a two-letter country code in lower case',
      'place.state is missing',
      'icon must be an .svg or .png file',
      'imageHosts.0 must be a host name (with a port if not the default), not an address',
    ]);
    const twice = broken((c) => (c.languages = ['en', 'en']));
    expect(cityProblems(twice)).toEqual(['languages names en twice']);
  });

  it('throws one error that lists every mistake', () => {
    const city = broken((c) => {
      c.siteUrl = 'nowhere';
      c.timeZone = 'Shanghai';
    });
    expect(() => checkCity(city, 'harbourton.config.ts')).toThrow(
      'harbourton.config.ts has 2 mistakes:\n  - siteUrl must be an http(s) address\n  - timeZone must be an IANA time zone, such as Asia/Shanghai',
    );
  });
});

describe('brand colours', () => {
  it("reads the app's page and button-text colours from its stylesheet", () => {
    expect(appColours()).toEqual({
      light: { bg: '#fbfcfa', accentText: '#ffffff' },
      dark: { bg: '#0f1512', accentText: '#003828' },
    });
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('refuses a brand colour the app text cannot be read on, per scheme', () => {
    const pale = broken((c) => (c.colours = { light: '#8bd6b4', dark: '#0b6e4f' }));
    const problems = cityProblems(pale);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(
      /^colours\.light #8bd6b4 under the app's button text #ffffff has contrast 1\.\d\d:1, below 4\.5:1$/,
    );
    expect(problems[1]).toMatch(
      /^colours\.light #8bd6b4 on the app's light page #fbfcfa has contrast 1\.\d\d:1, below 3:1$/,
    );
    expect(problems[2]).toMatch(
      /^colours\.dark #0b6e4f under the app's button text #003828 has contrast \d\.\d\d:1, below 4\.5:1$/,
    );
    expect(problems[3]).toMatch(
      /^colours\.dark #0b6e4f on the app's dark page #0f1512 has contrast \d\.\d\d:1, below 3:1$/,
    );
  });
});
