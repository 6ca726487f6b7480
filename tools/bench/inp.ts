/**
 * Interaction to Next Paint over a reader's session (issue 25): taps and keystrokes scripted in
 * Chromium with the CPU slowed, each one's latency from the Event Timing API, as web-vitals
 * counts it: an interaction is the events sharing an `interactionId`, and its latency is the
 * longest of their durations (input delay, handlers, and the frame that shows the answer).
 *
 * The Event Timing API reports no event under 16 ms (its smallest `durationThreshold`), so an
 * interaction with no entry was faster than that, and is counted as 16 ms: an upper bound.
 *
 * For the slowest interaction, the cause: its three parts, and the long animation frames
 * (`long-animation-frame`, Chromium's attribution of a slow frame to the scripts that ran in
 * it) that overlapped it, with their longest script.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { throttle, withProfile } from './browser';
import type { Site } from './site';

/** The smallest duration the Event Timing API reports (ms). */
export const THRESHOLD_MS = 16;

export interface Interaction {
  /** What the reader did, e.g. `type "h"` or `tap Events`. */
  label: string;
  /** Its latency (ms): the longest event of the interaction, THRESHOLD_MS when none reported. */
  latency: number;
  /** The parts of its slowest event (ms), when it was reported. */
  inputDelay?: number;
  processing?: number;
  presentation?: number;
  /** The longest script of the long animation frames it overlapped, when there was one. */
  script?: string;
}

export interface InpRun {
  interactions: Interaction[];
  /** p75 of the latencies. */
  p75: number;
  error?: string;
}

/** What the page's observer keeps on `window.__inp` (installed before the app's scripts). */
export interface Recorded {
  events: {
    interactionId: number;
    name: string;
    startTime: number;
    duration: number;
    processingStart: number;
    processingEnd: number;
  }[];
  frames: {
    startTime: number;
    duration: number;
    scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[];
  }[];
}

/**
 * Self-contained: Playwright serialises it into the page before its own scripts. The cold-page
 * bench (cold.ts) installs it too, for its long animation frames.
 */
export function installRecorder(threshold: number): void {
  const recorded: Recorded = { events: [], frames: [] };
  (window as unknown as { __inp: Recorded }).__inp = recorded;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (!entry.interactionId) continue;
      const { interactionId, name, startTime, duration, processingStart, processingEnd } = entry;
      recorded.events.push({ interactionId, name, startTime, duration, processingStart, processingEnd });
    }
  }).observe({ type: 'event', durationThreshold: threshold, buffered: true } as PerformanceObserverInit);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & {
          scripts?: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[];
        };
        recorded.frames.push({
          startTime: frame.startTime,
          duration: frame.duration,
          scripts: (frame.scripts ?? []).map(({ invoker, sourceURL, sourceFunctionName, duration }) => ({
            invoker,
            sourceURL,
            sourceFunctionName,
            duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // A Chromium without long-animation-frame: the latencies stand without their cause.
  }
}

/** The p-th percentile (0–1) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/**
 * The interaction that began at or after `since` (page time), from what the recorder kept:
 * its slowest event and the longest script of the long frames it overlapped.
 */
export function interactionAfter(recorded: Recorded, since: number, label: string): Interaction {
  const events = recorded.events.filter((event) => event.startTime >= since);
  if (events.length === 0) return { label, latency: THRESHOLD_MS };
  // One action may make several interactions (a tap's pointer events, then its click): the
  // reader feels the slowest.
  const slowest = events.reduce((a, b) => (b.duration > a.duration ? b : a));
  const end = slowest.startTime + slowest.duration;
  const script = longestScript(recorded.frames, slowest.startTime, end);
  return {
    label,
    latency: slowest.duration,
    inputDelay: Math.round(slowest.processingStart - slowest.startTime),
    processing: Math.round(slowest.processingEnd - slowest.processingStart),
    presentation: Math.round(end - slowest.processingEnd),
    ...(script ? { script } : {}),
  };
}

/**
 * The longest script of the long animation frames that overlap [start, end) (page time), named
 * by what ran it, its function and its file, with its duration; undefined when there is none.
 */
export function longestScript(frames: Recorded['frames'], start: number, end: number): string | undefined {
  const script = frames
    .filter((frame) => frame.startTime < end && frame.startTime + frame.duration > start)
    .flatMap((frame) => frame.scripts)
    .reduce<Recorded['frames'][number]['scripts'][number] | undefined>(
      (a, b) => (!a || b.duration > a.duration ? b : a),
      undefined,
    );
  if (!script) return undefined;
  return `${script.invoker || '?'} ${script.sourceFunctionName || ''} in ${
    script.sourceURL.replace(/^https?:\/\/[^/]+/, '') || '?'
  } (${Math.round(script.duration)} ms)`.replace(/\s+/g, ' ');
}

/** Waits two frames and a quiet moment: the answer to an action has been painted. */
async function painted(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))),
      ),
  );
}

/**
 * One session on `site` (its feed synced first at full speed, then the app reopened with the
 * CPU slowed `cpu` times): open Search, type `query` key by key, switch tabs, open an item from
 * the news list, save it, go Back.
 */
export async function inpSession(site: Site, cpu: number, query: string): Promise<InpRun> {
  return withProfile(async (context: BrowserContext, page: Page) => {
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, {
      timeout: 300_000,
    });
    await page.locator('main a[href^="/news/"]').first().waitFor({ timeout: 300_000 });
    // The reader comes back to the installed app: a new tab, the CPU slowed from its start.
    const again = await context.newPage();
    await page.close();
    await again.addInitScript(installRecorder, THRESHOLD_MS);
    await throttle(context, again, cpu);
    await again.goto('/');
    await again.locator('main a[href^="/news/"]').first().waitFor({ timeout: 120_000 });
    await again.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 120_000 });
    await painted(again);

    const interactions: Interaction[] = [];
    const act = async (label: string, action: () => Promise<void>, ready?: () => Promise<void>) => {
      const since = await again.evaluate(() => performance.now());
      await action();
      await ready?.();
      await painted(again);
      const recorded = await again.evaluate(() => (window as unknown as { __inp: Recorded }).__inp);
      interactions.push(interactionAfter(recorded, since, label));
    };

    await act(
      'tap Search',
      () => again.locator('a.header-search').click(),
      () => again.getByRole('searchbox').waitFor(),
    );
    // The screen focuses its box when opened without a query; if not, the reader taps it.
    const box = again.getByRole('searchbox');
    if (!(await box.evaluate((element) => element === document.activeElement))) {
      await act('tap the search box', () => box.click());
    }
    for (const key of query) {
      await act(`type "${key}"`, () => again.keyboard.press(key));
    }
    await again.locator('main a[href^="/news/"]').first().waitFor({ timeout: 60_000 });
    const nav = again.locator('nav').last();
    await act(
      'tap Events',
      () => nav.getByRole('link', { name: 'Events' }).click(),
      () => again.waitForURL(/\/events$/),
    );
    await act(
      'tap News',
      () => nav.getByRole('link', { name: 'News' }).click(),
      () => again.waitForURL(/\/$/),
    );
    await act(
      'open an item from the list',
      () => again.locator('main a[href^="/news/"]').first().click(),
      () => again.locator('main h1').first().waitFor(),
    );
    await act(
      'tap Save',
      () => again.getByRole('button', { name: 'Save', exact: true }).click(),
      () => again.getByRole('button', { name: 'Saved', exact: true }).waitFor(),
    );
    await act(
      'tap Back',
      () => again.getByRole('link', { name: 'Back' }).click(),
      () => again.waitForURL(/\/$/),
    );
    return {
      interactions,
      p75: percentile(
        interactions.map((i) => i.latency),
        0.75,
      ),
    };
  }, site.origin);
}
