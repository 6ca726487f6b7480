/**
 * Large-feed figures for the lists (issue 10, "Large feeds"), in Chromium, on the production
 * build in dist/ (run `npx vite build` first), serving a generated feed of 5,000 items:
 * - the longest main-thread task while the page itself syncs on a first visit;
 * - time to the first news card on a repeat visit (a reload, the worker in control);
 * - DOM nodes of the news screen, and of the whole document;
 * - tab switches: from the click on a tab to the new screen's first card, painted;
 * - the longest task from "Refresh" (run by the worker) to a settled screen, when all 5,000
 *   items changed.
 * Medians over the runs. Usage: npx tsx tools/measure-lists.ts [--items 5000 --runs 5 --throttle 1 --dist dist]
 */
import { chromium, type Page } from '@playwright/test';
import { serveBuild } from './support/builds';
import { chromiumLaunch } from './support/chromium';
import { largeFeed } from './support/large-feed';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('items', 5000);
const RUNS = arg('runs', 5);
const THROTTLE = arg('throttle', 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let version = 1;
const now = Date.now();
let feedText = largeFeed({ items: ITEMS, version, now });
// Another build (e.g. a copy of the one before a change) with --dist <folder>.
const distIndex = process.argv.indexOf('--dist');
const dist = distIndex > 0 ? process.argv[distIndex + 1]! : new URL('../dist', import.meta.url).pathname;
const server = await serveBuild(dist);
server.feed = () => feedText;

// Long tasks and the first card's time are recorded from the very start of each document.
// A string, not a function: tsx would wrap the function's inner names in a helper the page lacks.
const RECORDER = `
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__long.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__firstCard === undefined && document.querySelector('main .card')) {
      window.__firstCard = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
  new BroadcastChannel('citylink').onmessage = (event) => {
    if (event.data?.type === 'CITYLINK_SYNC_DONE') window.__syncDone = performance.now();
  };
`;

async function storedItems(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('citylink');
        // Not there yet: opening must not create it (the app's upgrade would then not run).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('items')) return resolve(0);
          const count = database.transaction('items').objectStore('items').count();
          count.onsuccess = () => {
            resolve(count.result);
            database.close();
          };
        };
        open.onerror = () => resolve(0);
      }),
  );
}

/** Waits until no long task for `quietMs` (the screen has settled); returns the long tasks since `from`. */
async function settle(
  page: Page,
  from: number,
  quietMs = 1500,
): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(
    async ([from, quietMs]) => {
      const w = window as unknown as { __long: { start: number; duration: number }[] };
      for (;;) {
        const last = w.__long.filter((t) => t.start >= from).at(-1);
        const end = last ? last.start + last.duration : from;
        if (performance.now() - end > quietMs) return w.__long.filter((t) => t.start >= from);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    [from, quietMs] as const,
  );
}

/** Waits until no sync runs: this tab's refresh is done, and the worker has no other one. */
async function idle(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Refresh', exact: true }).waitFor({ timeout: 180_000 });
  await page.evaluate(() => navigator.locks.request('citylink-sync', () => undefined));
}

const browser = await chromium.launch(chromiumLaunch);
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  await context.addInitScript({ content: RECORDER });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

  // First visit: the page syncs before the worker controls it (the worker syncs on activation
  // too; the lock runs them one after the other).
  await page.goto(`${server.origin}/`);
  const expected = (JSON.parse(feedText) as { items: unknown[] }).items.length;
  const t0 = Date.now();
  while ((await storedItems(page)) < expected) {
    if (Date.now() - t0 > 180_000) throw new Error('the feed was not stored in 3 minutes');
    await page.waitForTimeout(500);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
  const firstLong = await settle(page, 0);
  const firstVisitLongest = Math.max(0, ...firstLong.map((t) => t.duration));

  // Repeat visits.
  const firstCard: number[] = [];
  const newsNodes: number[] = [];
  const docNodes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    // A repeat visit comes after the last one's sync, not during it: the worker serves the
    // page's files, and parsing the feed keeps it busy.
    await idle(page);
    await page.reload();
    await page.waitForFunction(
      () => (window as { __firstCard?: number }).__firstCard !== undefined,
      undefined,
      {
        timeout: 120_000,
      },
    );
    firstCard.push(await page.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard));
    await settle(page, 0, 1000);
    newsNodes.push(await page.evaluate(() => document.querySelectorAll('main *').length));
    docNodes.push(await page.evaluate(() => document.getElementsByTagName('*').length));
  }

  // Tab switches: click, then the new screen's heading and first card, then a frame painted.
  await idle(page);
  const switchTimes: Record<string, number[]> = { Events: [], Contacts: [], News: [] };
  for (let r = 0; r < RUNS; r++) {
    for (const tab of ['Events', 'Contacts', 'News'] as const) {
      const ms = await page.evaluate(async (tab) => {
        const link = [...document.querySelectorAll<HTMLAnchorElement>('.tab-bar a')].find(
          (a) => a.textContent?.trim() === tab,
        )!;
        const before = document.querySelector('main section');
        const start = performance.now();
        link.click();
        for (;;) {
          await new Promise((r) => requestAnimationFrame(r));
          const section = document.querySelector('main section');
          if (section && section !== before && section.querySelector('.card')) break;
        }
        // The frame after the one that has the card is painted.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - start;
      }, tab);
      switchTimes[tab]!.push(ms);
      await settle(page, 0, 500);
    }
  }

  // A worker-run sync of every item changed, with the news list open. Search was opened once
  // before, so its index follows the sync too.
  await page.locator('a.header-search').click();
  await page.getByRole('searchbox').waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes('Preparing search'), undefined, {
    timeout: 120_000,
  });
  await page.locator('.tab-bar a', { hasText: 'News' }).click();
  await page.locator('main .card').first().waitFor();
  const syncTook: number[] = [];
  const syncLongest: number[] = [];
  const syncBlocking: number[] = [];
  const syncSettled: number[] = [];
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    version++;
    feedText = largeFeed({ items: ITEMS, version, now });
    await idle(page);
    await settle(page, 0, 500);
    const from = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.waitForFunction(
      (v) => document.querySelector('main .card-title')?.textContent?.includes(`(v${v})`),
      version,
      { timeout: 180_000, polling: 200 },
    );
    const long = await settle(page, from);
    syncTook.push((await page.evaluate(() => (window as { __syncDone?: number }).__syncDone ?? 0)) - from);
    syncLongest.push(Math.max(0, ...long.map((t) => t.duration)));
    syncBlocking.push(long.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0));
    syncSettled.push(Math.max(...long.map((t) => t.start + t.duration), from) - from);
  }

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(
    `${expected} items, CPU ${THROTTLE > 1 ? `slowed ${THROTTLE}x` : 'not slowed'}, medians of ${RUNS} runs`,
  );
  console.log(`first visit (page sync): longest task            ${ms(firstVisitLongest)}`);
  console.log(
    `repeat visit: first news card                    ${ms(median(firstCard))}  (${firstCard.map(ms).join(', ')})`,
  );
  console.log(
    `news screen: DOM nodes in <main>                 ${median(newsNodes)}  (document ${median(docNodes)})`,
  );
  for (const [tab, times] of Object.entries(switchTimes)) {
    console.log(
      `tab switch to ${tab.padEnd(9)}                         ${ms(median(times))}  (${times.map(ms).join(', ')})`,
    );
  }
  const all = Object.values(switchTimes).flat();
  console.log(
    `tab switch, all                                  ${ms(median(all))}  (max ${ms(Math.max(...all))})`,
  );
  console.log(`worker sync of ${expected} changed items: click to SYNC_DONE ${ms(median(syncTook))}`);
  console.log(
    `worker sync of ${expected} changed items: longest task ${ms(median(syncLongest))}  (${syncLongest.map(ms).join(', ')}); blocking ${ms(median(syncBlocking))}; last long task ends ${ms(median(syncSettled))} after the click`,
  );
} finally {
  await browser.close();
  await server.close();
}
