/** The demo feed with an urgent notice (a typhoon signal) in English and Chinese, for e2e tests. */
import { readFileSync } from 'node:fs';

const demo = JSON.parse(readFileSync(new URL('../../public/feed.json', import.meta.url), 'utf8')) as {
  items: unknown[];
};

// Once per test run: a feed read twice must show the same notice (a new date is a new version,
// which the app shows and announces again).
const PUBLISHED = new Date(Date.now() - 60_000).toISOString();

/**
 * The typhoon notice, both languages; `expires` an RFC 3339 time (default: in a day). A `suffix`
 * makes another notice (other ids and slugs) with the same words.
 */
export function typhoon(
  expires = new Date(Date.now() + 86_400_000).toISOString(),
  suffix = '',
): Record<string, unknown>[] {
  const published = PUBLISHED;
  return [
    {
      id: `typhoon-8-en${suffix}`,
      title: 'Typhoon signal No. 8: service desks closed today',
      summary: 'Stay indoors. City service desks are closed until the signal is lowered.',
      content_html: '<p>Stay indoors. City service desks are closed until the signal is lowered.</p>',
      language: 'en',
      date_published: published,
      tags: ['services'],
      _city: {
        slug: `typhoon-8${suffix}`,
        urgent: true,
        expires,
        translations: [{ language: 'zh-Hans', id: `typhoon-8-zh${suffix}` }],
      },
    },
    {
      id: `typhoon-8-zh${suffix}`,
      title: '八号风球：今日服务大厅关闭',
      summary: '请留在室内。信号除下前，市民服务大厅暂停开放。',
      content_html: '<p>请留在室内。信号除下前，市民服务大厅暂停开放。</p>',
      language: 'zh-Hans',
      date_published: published,
      tags: ['services'],
      _city: { slug: `typhoon-8-zh${suffix}`, urgent: true, expires },
    },
  ];
}

/** The demo feed as text, with `extra` items first (the newest). */
export function demoFeedWith(extra: unknown[]): string {
  return JSON.stringify({ ...demo, items: [...extra, ...demo.items] });
}
