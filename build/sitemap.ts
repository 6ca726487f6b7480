/** `sitemap.xml` and `robots.txt`. */
import type { Item } from '../packages/core/src/model';
import { itemUrl, SECTION } from '../packages/core/src/paths';
import { translationGroups } from '../packages/core/src/translations';
import { escapeHtml } from '../packages/core/src/text';

/** The newest of the item's dates, for `<lastmod>`. */
const lastModified = (item: Item) => item.dateModified ?? item.datePublished;

/** `sitemap.xml`: the section pages and every item's address, with dates and translations. */
export function sitemap(items: readonly Item[], site: string, feedLanguage?: string): string {
  const groups = translationGroups(items);
  const newest = (kind: Item['kind']) =>
    items
      .filter((item) => item.kind === kind)
      .map(lastModified)
      .filter((date): date is string => date !== undefined)
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const entry = (loc: string, lastmod?: string, alternates: string[] = []) =>
    `  <url>\n    <loc>${escapeHtml(loc)}</loc>\n${lastmod ? `    <lastmod>${escapeHtml(lastmod)}</lastmod>\n` : ''}${alternates.join('')}  </url>\n`;
  const sections = [
    entry(`${site}/`, newest('news')),
    entry(`${site}/${SECTION.event}`, newest('event')),
    entry(`${site}/${SECTION.contact}`, newest('contact')),
  ];
  const pages = items.map((item) => {
    const group = groups.members(item.id);
    const alternates =
      group.length > 1
        ? group.flatMap((version) => {
            const hreflang = version.language ?? feedLanguage;
            return hreflang
              ? [
                  `    <xhtml:link rel="alternate" hreflang="${escapeHtml(hreflang)}" href="${escapeHtml(itemUrl(version, site))}"/>\n`,
                ]
              : [];
          })
        : [];
    return entry(itemUrl(item, site), lastModified(item), alternates);
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    [...sections, ...pages].join('') +
    '</urlset>\n'
  );
}

/** `robots.txt`: everything may be crawled; the sitemap says where the items are. */
export function robots(site: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site}/sitemap.xml\n`;
}
