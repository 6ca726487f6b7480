/**
 * The benchmark's runs in the real Chromium (Playwright over the system's browser): each in a
 * fresh on-disk profile, so IndexedDB and Cache Storage write to disk as on a phone, never to
 * the memory of an incognito context.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { throttling } from 'lighthouse/core/config/constants.js';
import { chromiumLaunch } from '../support/chromium';
import { keptMarkup } from '../support/snapshots';
import { SYNC_STARTED } from '../../src/data/config';
import type { Site } from './site';

/** What the probe (`installProbe`) keeps on `window.__bench`. */
export interface Probe {
  /** Start time of the latest largest-contentful-paint candidate (ms). */
  lcp: number;
  /** The long tasks (over 50 ms) seen so far: start and duration (ms). */
  longTasks: { start: number; duration: number }[];
  /** Outcomes of the syncs finished so far, from the app's broadcast channel. */
  syncs: { outcome: string; added: number }[];
  /** When the document last changed (ms). */
  lastMutation: number;
  /** When a link to a news item was first in the page (ms), if it was. */
  firstNewsLink?: number;
}

/**
 * Runs in the page before any of its scripts: records paints, long tasks, finished syncs and
 * DOM changes. Self-contained, as Playwright serialises it into the page.
 */
function installProbe(): void {
  const probe: Probe = { lcp: 0, longTasks: [], syncs: [], lastMutation: performance.now() };
  (window as unknown as { __bench: Probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The app's channel (src/data/messages.ts): every finished sync, page's or worker's.
  new BroadcastChannel('citylink').onmessage = (event: MessageEvent<unknown>) => {
    const report = (event.data as { report?: { outcome?: string; added?: number } } | null)?.report;
    if (report) probe.syncs.push({ outcome: String(report.outcome), added: report.added ?? 0 });
  };
  new MutationObserver(() => {
    probe.lastMutation = performance.now();
    if (probe.firstNewsLink === undefined && document.querySelector('main a[href^="/news/"]')) {
      probe.firstNewsLink = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

export const probe = (page: Page): Promise<Probe> =>
  page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

/** A fresh profile on disk, closed and removed after `run`. */
export async function withProfile<T>(
  run: (context: BrowserContext, page: Page) => Promise<T>,
  baseURL?: string,
  locale = 'en-GB',
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'citylink-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    ...chromiumLaunch,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale,
    ...(baseURL ? { baseURL } : {}),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return await run(context, page);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Slows the page's CPU down `rate` times (a mid-range phone is about 4x slower than this
 * machine). Set before the first navigation, it holds through reloads and later navigations.
 */
export async function throttle(context: BrowserContext, page: Page, rate: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Slows the page's network down to Lighthouse's mobile profile (slow 4G: 562.5 ms per request,
 * 1.47 Mbps down), applied as Lighthouse's own "devtools" throttling applies it. It covers the
 * page's requests, not the worker's. Returns a function that lifts it.
 */
export async function slowNetwork(context: BrowserContext, page: Page): Promise<() => Promise<void>> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const slow4G = throttling.mobileSlow4G;
  // DevTools takes bytes per second (Lighthouse's emulation.js converts the same way).
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: slow4G.requestLatencyMs ?? 0,
    downloadThroughput: Math.floor(((slow4G.downloadThroughputKbps ?? 0) * 1024) / 8),
    uploadThroughput: Math.floor(((slow4G.uploadThroughputKbps ?? 0) * 1024) / 8),
  });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  };
}

/** Waits until the document has not changed for `quietMs`. */
async function settled(page: Page, quietMs: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (quiet) => performance.now() - (window as unknown as { __bench: Probe }).__bench.lastMutation > quiet,
    quietMs,
    { polling: 100, timeout },
  );
}

/**
 * The first visit is over: the worker controlling the page is activated (so it has precached
 * the shell), and a sync has stored the feed. An offline visit before that fails in Chromium
 * (ERR_INTERNET_DISCONNECTED).
 */
async function firstVisitDone(page: Page, timeout = 120_000): Promise<void> {
  // A synchronous check: Playwright takes a promise returned by the predicate as truthy, so an
  // async one passed at once and the reload could come while the worker was still installing.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, {
    polling: 100,
    timeout,
  });
  await page.waitForFunction(
    () => (window as unknown as { __bench: Probe }).__bench.syncs.some((sync) => sync.outcome === 'updated'),
    undefined,
    { polling: 100, timeout },
  );
}

/**
 * The app has kept this screen for the next visit (src/app/snapshot.ts): it does so once the
 * page has been still for a moment, which a reader who opened the link always gives it, and a
 * script opening it again at once would not.
 */
async function screenKept(page: Page, path: string, timeout = 60_000): Promise<void> {
  // Polled from here: Cache Storage answers asynchronously, and waitForFunction takes the
  // promise an async predicate returns as a truthy value at once.
  const end = Date.now() + timeout;
  while ((await keptMarkup(page, path)) === '') {
    if (Date.now() > end) throw new Error(`the screen of ${path} was not kept within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Where a screen shows its content: a news link on the list, or the item's heading. */
function content(page: Page, title: string | undefined) {
  return title === undefined
    ? page.locator(`main a[href^="/news/"]`).first()
    : page.locator('main h1', { hasText: title });
}

export interface RepeatVisit {
  /** LCP of the first visit on Lighthouse's mobile network (slow 4G): the goal's baseline. */
  first: number | null;
  /** LCP of a first visit with no network throttling (served from this machine), for reference. */
  firstLocal: number | null;
  /** LCP of the address opened again offline in a new tab, once the worker, feed and snapshot are in place. */
  repeat: number | null;
  /** Why the run failed (the offline visit was not answered), when it did. */
  error?: string;
}

/**
 * One run of the repeat visit, in one fresh profile: LCP of a cold first visit of `path` on
 * slow 4G (a reader opening a shared link on a phone, as the issue describes them), then, once
 * the worker, the feed and the screen's snapshot are in place, LCP of the same address opened
 * again offline in a new tab. A second
 * fresh profile measures a first visit with no network throttling: what is left of a first
 * visit when the network costs nothing.
 */
export async function repeatVisit(
  site: Site,
  path: string,
  title: string | undefined,
  cpu: number,
): Promise<RepeatVisit> {
  const visit = await withProfile(async (context, page) => {
    const fastNetwork = await slowNetwork(context, page);
    const first = await measuredVisit(context, page, path, title, cpu);
    // The offline visit needs the worker and the stored feed: let the rest of the first visit
    // finish at full speed, so that waiting on it does not lengthen the run.
    await fastNetwork();
    await firstVisitDone(page);
    await screenKept(page, path);

    // The reader comes back later, from the home screen or a link: a new tab, offline, with
    // the first one gone. Not a reload, whose measure would include tearing the first page
    // down on the same main thread (about 200 ms at CPU 4x, which no return visit pays).
    await context.setOffline(true);
    return { first, repeat: await reopen(context, page, path, title, cpu) };
  }, site.origin);
  const firstLocal = await withProfile(
    (context, page) => measuredVisit(context, page, path, title, cpu),
    site.origin,
  );
  return { ...visit, firstLocal };
}

/**
 * The floor's return visit: the static page of the same screen (the same HTML with no script
 * and no worker, `floor.ts`) opened again in a new tab once a first visit has cached what it
 * can, served from this machine with no network throttling, the CPU slowed as for the app.
 * What Chromium itself spends to show this screen when the network costs nothing (a new tab's
 * renderer, parse, style, layout with the system's fonts, paint): a baseline for the app's
 * offline repeat visit, which pays the same work for the same HTML.
 */
export async function floorRepeatVisit(
  site: Site,
  path: string,
  title: string | undefined,
  cpu: number,
): Promise<number> {
  return withProfile(async (context, page) => {
    await page.goto(path);
    await content(page, title).waitFor({ timeout: 60_000 });
    return reopen(context, page, path, title, cpu);
  }, site.origin);
}

/** A return visit: `page` closes and `path` opens in a new tab, the CPU slowed; its LCP. */
async function reopen(
  context: BrowserContext,
  page: Page,
  path: string,
  title: string | undefined,
  cpu: number,
): Promise<number> {
  const again = await context.newPage();
  await page.close();
  return measuredVisit(context, again, path, title, cpu);
}

/** `page` opens `path` with the probe and the CPU slowed, until the screen is still; its LCP. */
async function measuredVisit(
  context: BrowserContext,
  page: Page,
  path: string,
  title: string | undefined,
  cpu: number,
): Promise<number> {
  await page.addInitScript(installProbe);
  await throttle(context, page, cpu);
  await page.goto(path);
  await content(page, title).waitFor({ timeout: 60_000 });
  await settled(page, 1000);
  return (await probe(page)).lcp;
}

/**
 * How long a Chinese reader of `/` (rendered in English) sees English: from the first
 * contentful paint to the app's `citylink:hydrated` mark, after which the interface is Chinese.
 */
export async function languageSwitch(site: Site, cpu: number): Promise<number> {
  return withProfile(
    async (context, page) => {
      await throttle(context, page, cpu);
      await page.goto('/');
      await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 60_000 });
      return page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
        const hydrated = performance.getEntriesByName('citylink:hydrated')[0]?.startTime ?? 0;
        return hydrated - paint;
      });
    },
    site.origin,
    'zh-CN',
  );
}

export interface FirstSync {
  /**
   * The longest main-thread task from the start of the page's first sync (the app's
   * `citylink:sync` mark, after the screen has hydrated) until settled: the sync, the worker's
   * own after its activation, and the re-renders after them (ms; 0 when none was over 50 ms).
   */
  longestTask: number;
  longTasks: number;
  /** The same from navigation: the whole first visit, the HTML's parse and hydration included. */
  longestTaskVisit: number;
  longTasksVisit: number;
  /** When the first news link was in the page (ms from navigation). */
  firstNewsLink: number | null;
  /** Nodes (elements and text) inside `main` once settled: the news list. */
  listNodes: number;
  /** Elements in the whole document once settled. */
  documentElements: number;
  /** News items linked from the screen once settled. */
  newsLinks: number;
  syncs: number;
}

/** A first visit of `/` on a site whose feed is large: what the main thread went through. */
export async function firstSync(site: Site, cpu: number): Promise<FirstSync> {
  return withProfile(async (context, page) => {
    await page.addInitScript(installProbe);
    await throttle(context, page, cpu);
    await page.goto('/');
    await firstVisitDone(page, 300_000);
    await page.locator('main a[href^="/news/"]').first().waitFor({ timeout: 300_000 });
    // The worker's own sync after its activation broadcasts too, and the screens re-read
    // IndexedDB after it: settled means no change for 3 s (CPU time, slowed) after both.
    await settled(page, 3000, 300_000);
    const result = await probe(page);
    const syncStart = await page.evaluate(
      (mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime ?? null,
      SYNC_STARTED,
    );
    if (syncStart === null) throw new Error('the app did not mark the start of its first sync');
    const during = result.longTasks.filter((task) => task.start + task.duration > syncStart);
    const longest = (tasks: { duration: number }[]) => Math.max(0, ...tasks.map((task) => task.duration));
    const counts = await page.evaluate(() => {
      const main = document.querySelector('main');
      let nodes = 0;
      if (main) {
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) nodes++;
      }
      return {
        listNodes: nodes,
        documentElements: document.getElementsByTagName('*').length,
        newsLinks: new Set(
          [...document.querySelectorAll('main a[href^="/news/"]')].map((a) => a.getAttribute('href')),
        ).size,
      };
    });
    return {
      longestTask: longest(during),
      longTasks: during.length,
      longestTaskVisit: longest(result.longTasks),
      longTasksVisit: result.longTasks.length,
      firstNewsLink: result.firstNewsLink ?? null,
      syncs: result.syncs.length,
      ...counts,
    };
  }, site.origin);
}

/**
 * Everything a first visit of `/` downloads, counted by the server on its sockets (so the
 * worker's precache and sync are in, and answers from the browser's caches are not): from
 * navigation until the worker is activated, the feed stored and the network quiet for 2 s.
 */
export async function firstVisitTransfer(site: Site): Promise<{ bytes: number; requests: string[] }> {
  return withProfile(async (_context, page) => {
    await page.addInitScript(installProbe);
    site.traffic.reset();
    await page.goto('/');
    await firstVisitDone(page);
    const deadline = Date.now() + 60_000;
    while (site.traffic.idleFor() < 2000 && Date.now() < deadline) await page.waitForTimeout(200);
    return { bytes: site.traffic.bytes(), requests: site.traffic.requests() };
  }, site.origin);
}
