/**
 * A large city feed for the benchmark, as JSON Feed text: a third events, a fifteenth contacts,
 * the rest news (about 3,000 of 5,000), a quarter of all items in Chinese. The words come from
 * the search benchmark's Zipf samplers (tools/search-items.ts), so the text is realistic in
 * length and vocabulary, and the same on every run.
 */
import { pick, reseed, sentence } from '../search-items';

const TAGS = ['talent', 'health', 'culture', 'transport', 'science', 'services'];

function item(i: number): Record<string, unknown> {
  const zh = i % 4 === 3;
  const kind = i % 3 === 1 ? 'event' : i % 15 === 2 ? 'contact' : 'news';
  // Newest first, an hour apart, so the lists have a stable order.
  const published = new Date(Date.UTC(2026, 0, 1) - i * 3_600_000).toISOString();
  const title = sentence(zh, zh ? 5 : 7).slice(0, -1);
  const city: Record<string, unknown> = { kind, slug: `bench-${i}` };
  if (kind === 'event') {
    const day = String(1 + (i % 28)).padStart(2, '0');
    city.event = {
      start: `2027-03-${day}T09:00:00+08:00`,
      end: `2027-03-${day}T17:00:00+08:00`,
      timezone: 'Asia/Shanghai',
      venue: { name: sentence(zh, 3), address: sentence(false, 5), address_local: sentence(true, 4) },
    };
  } else if (kind === 'contact') {
    city.contact = {
      name: title,
      organization: sentence(zh, 4),
      role: sentence(zh, 2),
      phone: '+86 750 555 0101',
      opening_hours: 'Mo-Fr 09:00-17:30; PH off',
      languages: zh ? ['zh-Hans'] : ['en', 'zh-Hans'],
    };
  }
  return {
    id: `bench-${i}`,
    title,
    summary: sentence(zh, zh ? 10 : 18),
    content_html: `<p>${Array.from({ length: 6 }, () => sentence(zh, zh ? 8 : 14)).join(' ')}</p><p>${sentence(zh, 10)}</p>`,
    date_published: published,
    tags: [pick(TAGS)],
    language: zh ? 'zh-Hans' : 'en',
    _city: city,
  };
}

/** The feed of `n` generated items, serialised. */
export function generateFeed(n: number): string {
  reseed(7);
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Citylink benchmark feed',
    language: 'en',
    _city: { city: 'Jiangmen', timezone: 'Asia/Shanghai', languages: ['en', 'zh-Hans'] },
    items: Array.from({ length: n }, (_, i) => item(i)),
  });
}
