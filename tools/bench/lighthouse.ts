/**
 * Lighthouse's mobile profile as it comes (simulated slow 4G, CPU slowed 4x), each run in a
 * fresh Chromium with a fresh profile, as the Lighthouse CLI does.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumLaunch } from '../support/chromium';

/** The flags every Chromium here starts with (tools/support/chromium.ts), headless. */
export const CHROME_FLAGS = ['--headless=new', ...chromiumLaunch.args];

export interface LighthouseRun {
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
  /** Lighthouse's own measure of this machine's speed at the time (higher is faster). */
  benchmarkIndex: number | null;
  /** Set when Lighthouse could not measure the page (e.g. NO_FCP: nothing was painted). */
  error?: string;
}

export async function runLighthouse(url: string): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      // The pages are local, so a first paint comes at once if it comes at all: an empty page
      // (the floor of an empty shell) fails sooner than after the default 30 s.
      maxWaitForFcp: 15_000,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const value = (id: string) => lhr.audits[id]?.numericValue ?? null;
    return {
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
      ...(lhr.runtimeError ? { error: lhr.runtimeError.code } : {}),
    };
  } finally {
    chrome.kill();
  }
}
