/**
 * Search speed, measured in the real Chromium with the CPU slowed 4x (a mid-range phone):
 * builds the index over 5,000 generated items (a third in Chinese), then times a set of
 * realistic queries (English, Chinese of 1-4 characters, prefixes as typed, several words,
 * a typo, no hit). Reports median and 95th percentile per query and over all queries, index
 * build and update time, index size, and a same-run baseline: a naive String.includes scan.
 * With --ready, times instead what opening search does before its first results, over the
 * app's data layer in IndexedDB: loading the index the sync stored, against building it from
 * the stored items as search did before (same run, interleaved).
 * Usage: npm run bench:search [-- --items 5000 --rounds 15 --throttle 4] [--ready]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunch } from './support/chromium';
import type { PageResult } from './bench-search-page';
import type { ReadyResult } from './bench-search-ready';
import { generate } from './search-items';

/** The budget: a query answers within one frame at 60 Hz. */
export const BUDGET_MS = 16;

const QUERIES = [
  // Typed letter by letter: each keystroke is a query, the last word by prefix.
  't',
  'ta',
  'tal',
  'tale',
  'talent',
  'talent st',
  'talent station',
  'health',
  'jiangmen',
  'neutrino detector ',
  'overseas experts jiangmen',
  'visa',
  'helath ',
  // Chinese, one to four characters.
  '站',
  '人才',
  '驿站',
  '海外专家',
  '人才驿站',
  '江门 活动',
  '服务',
  // No hit.
  'zzyzx',
  '量子计算',
];

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export interface SearchSettings {
  items: number;
  rounds: number;
  /** CPU slowdown. */
  throttle: number;
}

/** A module of tools/ bundled into one classic script that sets `globalName` on the page. */
async function pageScript(module: string, globalName: string): Promise<string> {
  const bundle = await build({
    entryPoints: [new URL(module, import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  return bundle.outputFiles[0]!.text;
}

/** Runs the search benchmark in Chromium and returns every timing the page took. */
export async function benchSearch({ items, rounds, throttle }: SearchSettings): Promise<PageResult> {
  const script = await pageScript('./bench-search-page.ts', 'benchSearch');
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: script });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    return await page.evaluate(
      ([items, queries, rounds]) =>
        (window as unknown as { benchSearch: { run: (...a: unknown[]) => PageResult } }).benchSearch.run(
          items,
          queries,
          rounds,
        ),
      [generate(items), QUERIES, rounds] as const,
    );
  } finally {
    await browser.close();
  }
}

/** The first query of a reader who opens search and types a word. */
const READY_QUERY = 'talent';

/**
 * Times opening search (stored index loaded, against built from the items) in Chromium with
 * the CPU slowed `throttle` times, on a page of its own origin so that IndexedDB is there.
 */
export async function benchReady({ items, rounds, throttle }: SearchSettings): Promise<ReadyResult> {
  const script = await pageScript('./bench-search-ready.ts', 'benchReady');
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const page = await browser.newPage();
    const origin = 'http://bench.localhost/';
    await page.route(origin, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
    );
    await page.goto(origin);
    await page.addScriptTag({ content: script });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    return await page.evaluate(
      ([items, query, rounds]) =>
        (
          window as unknown as { benchReady: { ready: (...a: unknown[]) => Promise<ReadyResult> } }
        ).benchReady.ready(items, query, rounds),
      [generate(items), READY_QUERY, rounds] as const,
    );
  } finally {
    await browser.close();
  }
}

function printReady(result: ReadyResult, { items, rounds, throttle }: SearchSettings): void {
  const median = (values: number[]) => percentile(values, 50);
  const built = median(result.built);
  const loaded = median(result.loaded);
  console.log(`${items} items, CPU slowed ${throttle}x, ${rounds} rounds; first query ${JSON.stringify(READY_QUERY)} (${result.hits} shown)
opening search to first results: stored index loaded, median ${loaded.toFixed(0)} ms (${result.loaded.map((v) => v.toFixed(0)).join(', ')})
                                 index built from items, median ${built.toFixed(0)} ms (${result.built.map((v) => v.toFixed(0)).join(', ')})
ratio loaded/built: ${(loaded / built).toFixed(2)}
longest task: loaded median ${median(result.loadedLongest).toFixed(0)} ms, built median ${median(result.builtLongest).toFixed(0)} ms
stored index: ${(result.indexBytes / 1024).toFixed(0)} KiB (${(((result.indexBytes / items) * 1000) / 1024).toFixed(0)} KiB per 1,000 items); storage estimate grew ${(result.storedBytes / 1024).toFixed(0)} KiB`);
}

/** Median and 95th percentile over all queries, of the search alone, with marks, and of the scan. */
export function searchSummary(result: PageResult) {
  const all = Object.values(result.search).flat();
  const marks = Object.values(result.searchAndMarks).flat();
  const scan = Object.values(result.baseline).flat();
  return {
    median: percentile(all, 50),
    p95: percentile(all, 95),
    marksMedian: percentile(marks, 50),
    marksP95: percentile(marks, 95),
    scanMedian: percentile(scan, 50),
    scanP95: percentile(scan, 95),
    build: result.build,
    update: result.update,
    indexBytes: result.indexBytes,
  };
}

function print(result: PageResult, { items, rounds, throttle }: SearchSettings): number {
  const ms = (value: number) => value.toFixed(2).padStart(7);
  console.log(
    `${items} items (${Math.round(items / 3)} Chinese), CPU slowed ${throttle}x, ${rounds} rounds of ${QUERIES.length} queries\n`,
  );
  console.log('query                         hits   median     p95   +marks p95   scan median  scan hits');
  for (const query of QUERIES) {
    console.log(
      `${JSON.stringify(query).padEnd(28)} ${String(result.hits[query]).padStart(5)} ${ms(percentile(result.search[query]!, 50))} ${ms(percentile(result.search[query]!, 95))}      ${ms(percentile(result.searchAndMarks[query]!, 95))}      ${ms(percentile(result.baseline[query]!, 50))}  ${String(result.baselineHits[query]).padStart(9)}`,
    );
  }
  const s = searchSummary(result);
  console.log(`
all queries: search median ${ms(s.median)} ms, p95 ${ms(s.p95)} ms (budget ${BUDGET_MS} ms)
             with highlighting of 30 results: median ${ms(s.marksMedian)} ms, p95 ${ms(s.marksP95)} ms
baseline String.includes scan: median ${ms(s.scanMedian)} ms, p95 ${ms(s.scanP95)} ms
ratio search/scan: median ${(s.median / s.scanMedian).toFixed(2)}, p95 ${(s.p95 / s.scanP95).toFixed(2)}
index build ${s.build.toFixed(0)} ms; update of 50 changed + 10 retracted ${s.update.toFixed(1)} ms; index ${(s.indexBytes / 1024 / 1024).toFixed(2)} MiB as JSON`);
  return s.p95;
}

// Run by itself (`npm run bench:search`); `npm run bench` imports the functions above.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const settings = { items: arg('items', 5000), rounds: arg('rounds', 15), throttle: arg('throttle', 4) };
  if (process.argv.includes('--ready')) {
    printReady(await benchReady(settings), settings);
  } else {
    const p95 = print(await benchSearch(settings), settings);
    process.exitCode = p95 < BUDGET_MS ? 0 : 1;
  }
}
