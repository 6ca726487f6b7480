/**
 * An event page and a contact page opened cold (issue 25): the link an overseas expert opens
 * from a chat, in a fresh profile with the CPU slowed, from navigation until the page has
 * hydrated, synced and been still. The longest task is the measure; the long animation frames
 * (`long-animation-frame`, Chromium's attribution of a slow frame to its scripts) name its cause.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { throttle, withProfile } from './browser';
import { installRecorder, longestScript, THRESHOLD_MS, type Recorded as InpRecorded } from './inp';
import type { Site } from './site';

type LongFrames = InpRecorded['frames'];

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

/** What the page's own observer keeps on `window.__cold`, beside the INP recorder's frames. */
interface Recorded {
  tasks: { start: number; duration: number }[];
  lastChange: number;
}

/** Self-contained: Playwright serialises it into the page before its own scripts. */
function installTaskRecorder(): void {
  const recorded: Recorded = { tasks: [], lastChange: performance.now() };
  (window as unknown as { __cold: Recorded }).__cold = recorded;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      recorded.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => (recorded.lastChange = performance.now())).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
}

/** The longest task of `tasks`, and the longest script of the long frames around it. */
export function longestTask(tasks: Recorded['tasks'], frames: LongFrames): Omit<ColdRun, 'path' | 'locale'> {
  const longest = tasks.reduce<Recorded['tasks'][number] | undefined>(
    (a, b) => (!a || b.duration > a.duration ? b : a),
    undefined,
  );
  if (!longest) return { longest: 0, tasks: 0 };
  const script = longestScript(frames, longest.start, longest.start + longest.duration);
  return { longest: Math.round(longest.duration), tasks: tasks.length, ...(script ? { script } : {}) };
}

/** Opens `path` cold on `site` in a device of `locale`, the CPU slowed `cpu` times. */
export function coldOpen(site: Site, cpu: number, path: string, locale: string): Promise<ColdRun> {
  return withProfile(
    async (context: BrowserContext, page: Page) => {
      // The INP recorder's long animation frames name the scripts; its events go unused here.
      await page.addInitScript(installRecorder, THRESHOLD_MS);
      await page.addInitScript(installTaskRecorder);
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
      const { tasks, frames } = await page.evaluate(() => ({
        tasks: (window as unknown as { __cold: Recorded }).__cold.tasks,
        frames: (window as unknown as { __inp: InpRecorded }).__inp.frames,
      }));
      return { path, locale, ...longestTask(tasks, frames) };
    },
    site.origin,
    locale,
  );
}
