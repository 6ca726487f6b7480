/**
 * An event page and a contact page opened cold (issue 25): the link an overseas expert opens
 * from a chat, in a fresh profile with the CPU slowed, from navigation until the page has
 * hydrated, synced and been still. The longest task is the measure; the long animation frames
 * (`long-animation-frame`, Chromium's attribution of a slow frame to its scripts) name its cause.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { throttle, withProfile } from './browser';
import type { Site } from './site';

export interface ColdRun {
  path: string;
  locale: string;
  /** The longest task (ms), 0 when none passed 50 ms. */
  longest: number;
  /** How many tasks passed 50 ms. */
  tasks: number;
  /** The longest script of the long frame around the longest task, when there was one. */
  script?: string;
  error?: string;
}

interface Recorded {
  tasks: { start: number; duration: number }[];
  frames: { start: number; duration: number; scripts: { name: string; duration: number }[] }[];
  lastChange: number;
}

/** Self-contained: Playwright serialises it into the page before its own scripts. */
function installRecorder(): void {
  const recorded: Recorded = { tasks: [], frames: [], lastChange: performance.now() };
  (window as unknown as { __cold: Recorded }).__cold = recorded;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      recorded.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & {
          scripts?: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[];
        };
        recorded.frames.push({
          start: frame.startTime,
          duration: frame.duration,
          scripts: (frame.scripts ?? []).map((script) => ({
            name: `${script.invoker || '?'} ${script.sourceFunctionName || ''} in ${
              script.sourceURL.replace(/^https?:\/\/[^/]+/, '') || '?'
            }`.replace(/\s+/g, ' '),
            duration: script.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // A Chromium without long-animation-frame: the tasks stand without their cause.
  }
  new MutationObserver(() => (recorded.lastChange = performance.now())).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

/** The longest task of `recorded`, and the longest script of the frames around it. */
export function longestTask(recorded: Pick<Recorded, 'tasks' | 'frames'>): Omit<ColdRun, 'path' | 'locale'> {
  const longest = recorded.tasks.reduce<Recorded['tasks'][number] | undefined>(
    (a, b) => (!a || b.duration > a.duration ? b : a),
    undefined,
  );
  if (!longest) return { longest: 0, tasks: 0 };
  const end = longest.start + longest.duration;
  const script = recorded.frames
    .filter((frame) => frame.start < end && frame.start + frame.duration > longest.start)
    .flatMap((frame) => frame.scripts)
    .reduce<{ name: string; duration: number } | undefined>(
      (a, b) => (!a || b.duration > a.duration ? b : a),
      undefined,
    );
  return {
    longest: Math.round(longest.duration),
    tasks: recorded.tasks.length,
    ...(script ? { script: `${script.name} (${Math.round(script.duration)} ms)` } : {}),
  };
}

/** Opens `path` cold on `site` in a device of `locale`, the CPU slowed `cpu` times. */
export function coldOpen(site: Site, cpu: number, path: string, locale: string): Promise<ColdRun> {
  return withProfile(
    async (context: BrowserContext, page: Page) => {
      await page.addInitScript(installRecorder);
      await throttle(context, page, cpu);
      await page.goto(path);
      await page.waitForSelector('html[data-hydrated][data-sync-done]', {
        state: 'attached',
        timeout: 120_000,
      });
      // Still for 3 s: the app's later work (keeping the screen, the hours parser) is counted.
      await page.waitForFunction(
        () => performance.now() - (window as unknown as { __cold: Recorded }).__cold.lastChange > 3_000,
        undefined,
        { polling: 200, timeout: 120_000 },
      );
      const recorded = await page.evaluate(() => (window as unknown as { __cold: Recorded }).__cold);
      return { path, locale, ...longestTask(recorded) };
    },
    site.origin,
    locale,
  );
}
