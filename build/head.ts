/** The head tags of a rendered page: description, canonical, hreflang, Open Graph and Twitter card. */
import type { Item } from '../packages/core/src/model';
import { bodyText, escapeHtml, truncate } from '../packages/core/src/text';
import { formatEventTime, zoneName } from '../packages/core/src/event-time';

/** Open Graph's `ll_CC` form of a language tag (`zh-Hans` → `zh_CN`), when it has one. */
export function ogLocale(tag: string): string | undefined {
  try {
    const full = new Intl.Locale(tag).maximize();
    return full.region ? `${full.language}_${full.region}` : undefined;
  } catch {
    return undefined;
  }
}

/** One or two sentences for previews: the summary, else the start of the text, else the facts. */
export function describe(item: Item, locale: string): string {
  const text = item.summary?.trim() || truncate(bodyText(item), 200);
  if (text) return text;
  if (item.event) {
    const venue = item.event.venue?.name ?? item.event.venue?.address;
    return [eventTime(item.event, locale), venue].filter(Boolean).join(' · ');
  }
  const contact = item.contact;
  return contact ? [contact.role, contact.organization, contact.address].filter(Boolean).join(' · ') : '';
}

/** An event's date and time for a preview, in the venue's zone, named (calendar days need none). */
function eventTime(event: NonNullable<Item['event']>, locale: string): string {
  const time = formatEventTime(event, locale, event.timezone, { date: 'medium' });
  if (event.allDay) return time;
  const zone = zoneName(locale, event.timezone);
  return locale.startsWith('zh') ? `${time}（${zone}）` : `${time} (${zone})`;
}

export const httpOnly = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** What the head of one page says about it. */
export interface PageHead {
  lang: string;
  title: string;
  description: string;
  /** Absolute. */
  canonical: string;
  type: 'website' | 'article';
  siteName: string;
  image?: string;
  /** Other language versions of the page: `[hreflang, absolute url]`. */
  alternates: [string, string][];
  published?: string;
  modified?: string;
}

/** The head tags for one page: description, canonical, hreflang, Open Graph and Twitter card. */
export function headTags(head: PageHead): string {
  const tags: string[] = [];
  const meta = (key: 'name' | 'property', name: string, content: string | undefined) => {
    if (content) tags.push(`<meta ${key}="${name}" content="${escapeHtml(content)}">`);
  };
  meta('name', 'description', head.description);
  tags.push(`<link rel="canonical" href="${escapeHtml(head.canonical)}">`);
  if (head.alternates.length) {
    for (const [lang, href] of [[head.lang, head.canonical], ...head.alternates]) {
      tags.push(
        `<link rel="alternate" hreflang="${escapeHtml(lang ?? '')}" href="${escapeHtml(href ?? '')}">`,
      );
    }
  }
  meta('property', 'og:type', head.type);
  meta('property', 'og:site_name', head.siteName);
  meta('property', 'og:title', head.title);
  meta('property', 'og:description', head.description);
  meta('property', 'og:url', head.canonical);
  meta('property', 'og:locale', ogLocale(head.lang));
  for (const [lang] of head.alternates) meta('property', 'og:locale:alternate', ogLocale(lang));
  meta('property', 'og:image', head.image);
  meta('property', 'article:published_time', head.published);
  meta('property', 'article:modified_time', head.modified);
  meta('name', 'twitter:card', head.image ? 'summary_large_image' : 'summary');
  meta('name', 'twitter:title', head.title);
  meta('name', 'twitter:description', head.description);
  meta('name', 'twitter:image', head.image);
  return tags.join('\n    ');
}
