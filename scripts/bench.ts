/**
 * Speed and size, measured rather than asserted. Each figure is a median over several runs,
 * with a baseline measured in the same run so that a noisy shared machine shows in both:
 * - parse: parseFeed() on a large generated feed vs JSON.parse of the same text;
 * - sync: syncFeed() of the feed into fake-indexeddb vs a bare put of the same items;
 * - size: the production build (run `npm run build` first), raw and gzipped.
 * Usage: npm run bench [-- --items 5000 --runs 7]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 5000);
const RUNS = arg('runs', 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timeIt(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** A feed of `n` items, a third in Chinese, a tenth events, as a city would publish. */
function generateFeed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const zh = i % 3 === 0;
    const base = {
      id: `item-${i}`,
      title: zh
        ? `江门第${i}条新闻：海外专家交流活动`
        : `Jiangmen story ${i}: overseas experts meet local firms`,
      content_html: `<p>${(zh ? '江门市人才服务站为海外专家提供服务。' : 'The talent station helps visiting experts. ').repeat(8)}</p>`,
      date_published: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      tags: ['talent', zh ? '人才' : 'news'],
      language: zh ? 'zh-Hans' : 'en',
    };
    return i % 10 === 0
      ? {
          ...base,
          _city: { kind: 'event', event: { start: '2027-03-09T09:00:00+08:00', venue: { name: 'Hall' } } },
        }
      : base;
  });
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Bench',
    _city: { timezone: 'Asia/Shanghai' },
    items,
  });
}

async function benchParse(text: string) {
  const { parseFeed } = await import('../src/data/parse');
  const parse: number[] = [];
  const baseline: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    baseline.push(await timeIt(() => JSON.parse(text)));
    parse.push(
      await timeIt(() =>
        parseFeed(text, { baseUrl: 'https://example.org/feed.json', receivedAt: Date.now() }),
      ),
    );
  }
  return { parse: median(parse), baseline: median(baseline) };
}

async function benchSync(text: string) {
  const sync: number[] = [];
  const baseline: number[] = [];
  const { parseFeed } = await import('../src/data/parse');
  const parsed = parseFeed(text, { baseUrl: 'https://example.org/feed.json', receivedAt: Date.now() });
  if (!parsed.ok) throw new Error(parsed.error);
  globalThis.indexedDB = new IDBFactory();
  const { syncFeed } = await import('../src/data/sync');
  const { DB_NAME } = await import('../src/data/db');
  for (let r = 0; r < RUNS; r++) {
    // An empty database each run; our connection closes itself on the delete's versionchange.
    await new Promise((resolve) => (indexedDB.deleteDatabase(DB_NAME).onsuccess = resolve));
    const fetch = () => Promise.resolve(new Response(text, { status: 200 }));
    sync.push(await timeIt(() => syncFeed({ feedUrl: 'https://example.org/feed.json', fetch })));

    // Baseline: the same items written by a bare IndexedDB transaction, no parsing or checks.
    const factory = new IDBFactory();
    baseline.push(
      await timeIt(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = factory.open('bare', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('items', { keyPath: 'id' });
            open.onsuccess = () => {
              const t = open.result.transaction('items', 'readwrite');
              for (const item of parsed.items) t.objectStore('items').put(item);
              t.oncomplete = () => resolve();
              t.onerror = () => reject(t.error ?? new Error('transaction failed'));
            };
          }),
      ),
    );
  }
  return { sync: median(sync), baseline: median(baseline) };
}

function buildSizes() {
  const dist = new URL('../dist/', import.meta.url).pathname;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dist);
  const sum = (paths: string[]) =>
    paths.reduce(
      (acc, path) => {
        const bytes = readFileSync(path);
        return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes).length };
      },
      { raw: 0, gzip: 0 },
    );
  const js = files.filter((f) => f.includes('/assets/') && f.endsWith('.js'));
  const css = files.filter((f) => f.endsWith('.css'));
  const sw = files.filter((f) => f.endsWith('/sw.js'));
  return {
    appJs: sum(js),
    css: sum(css),
    worker: sum(sw),
    all: sum(files.filter((f) => !/feed.*\.json$/.test(f))),
  };
}

const text = generateFeed(ITEMS);
console.log(`feed: ${ITEMS} items, ${(text.length / 1024).toFixed(0)} KiB; ${RUNS} runs, medians\n`);
const p = await benchParse(text);
console.log(
  `parseFeed      ${p.parse.toFixed(1)} ms   JSON.parse ${p.baseline.toFixed(1)} ms   ratio ${(p.parse / p.baseline).toFixed(2)}`,
);
const s = await benchSync(text);
console.log(
  `syncFeed       ${s.sync.toFixed(1)} ms   bare put   ${s.baseline.toFixed(1)} ms   ratio ${(s.sync / s.baseline).toFixed(2)}`,
);
try {
  const sizes = buildSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log('\nbuild (dist/, feed excluded)     raw        gzip');
  for (const [name, size] of Object.entries(sizes)) {
    console.log(`  ${name.padEnd(30)} ${kb(size.raw).padStart(10)} ${kb(size.gzip).padStart(10)}`);
  }
} catch {
  console.log('\nbuild: no dist/ (run `npm run build` first)');
}
