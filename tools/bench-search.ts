/**
 * Search speed, measured in the real Chromium with the CPU slowed 4x (a mid-range phone):
 * builds the index over 5,000 generated items (a third in Chinese), then times a set of
 * realistic queries (English, Chinese of 1-4 characters, prefixes as typed, several words,
 * a typo, no hit). Reports median and 95th percentile per query and over all queries, index
 * build and update time, index size, and a same-run baseline: a naive String.includes scan.
 * Usage: npm run bench:search [-- --items 5000 --rounds 15 --throttle 4]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunch } from './support/chromium';
import type { PageResult } from './bench-search-page';
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

/** Runs the search benchmark in Chromium and returns every timing the page took. */
export async function benchSearch({ items, rounds, throttle }: SearchSettings): Promise<PageResult> {
  const bundle = await build({
    entryPoints: [new URL('./bench-search-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'benchSearch',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
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
  const p95 = print(await benchSearch(settings), settings);
  process.exitCode = p95 < BUDGET_MS ? 0 : 1;
}
