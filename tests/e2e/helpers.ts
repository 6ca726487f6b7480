import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page, type Request } from '@playwright/test';

/** Waits until a service worker controls the page (the first worker claims its clients). */
export async function waitForController(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/** Waits until this tab's sync has ended and the screens have re-read what it stored. */
export async function waitForSync(page: Page): Promise<void> {
  await page.waitForSelector('html[data-synced]', { state: 'attached', timeout: 30_000 });
}

/**
 * Waits until the news list shows at least one item from the device (the first sync stored the
 * feed): a server-rendered list shows the build's items before that.
 */
export async function waitForNews(page: Page): Promise<void> {
  await waitForSync(page);
  await expect(page.locator('.card-list .card').first()).toBeVisible({ timeout: 30_000 });
}

/**
 * Follows the page's requests from now on; `quiet()` waits until none has been open for
 * `quietMs`. In place of Playwright's 'networkidle', which waits on the browser's own lifecycle
 * event: under load that event sometimes never came, with no request open.
 */
export function trackRequests(page: Page): { quiet(quietMs?: number): Promise<void> } {
  const open = new Set<Request>();
  let changed = Date.now();
  page.on('request', (request) => {
    open.add(request);
    changed = Date.now();
  });
  const ended = (request: Request) => {
    open.delete(request);
    changed = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async quiet(quietMs = 500) {
      await expect
        .poll(() => open.size === 0 && Date.now() - changed >= quietMs, { timeout: 30_000, intervals: [100] })
        .toBe(true);
    },
  };
}

/** First visit, online: the list appears and the worker takes over. */
export async function firstVisit(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForController(page);
  await waitForNews(page);
}

/** The app's decision about the opening_hours parser (src/features/contacts/hours-prefetch.ts). */
export interface HoursDecision {
  /** Contacts on the device when it was taken. */
  contacts: number;
  withHours: number;
  /** Whether the worker now keeps the parser for offline use. */
  kept: boolean;
}

// HOURS_CHECKED in src/features/contacts/hours-prefetch.ts (a page module: it cannot load in Node).
const HOURS_CHECKED = 'citylink:hours-checked';

/** Every decision this page has taken so far, oldest first. */
export function hoursDecisions(page: Page): Promise<HoursDecision[]> {
  return page.evaluate(
    (name) =>
      performance
        .getEntriesByName(name, 'mark')
        .map((mark) => (mark as PerformanceMark).detail as HoursDecision),
    HOURS_CHECKED,
  );
}

/** Waits until the page has decided about the hours parser with `contacts` contacts stored. */
export async function hoursDecision(page: Page, contacts: number): Promise<HoursDecision> {
  let found: HoursDecision | undefined;
  await expect
    .poll(async () => (found = (await hoursDecisions(page)).find((d) => d.contacts === contacts)), {
      timeout: 30_000,
    })
    .toBeDefined();
  return found as HoursDecision;
}

/** Waits until the worker keeps the opening_hours parser, as a device does soon after a first visit. */
export async function waitForHoursKept(page: Page): Promise<void> {
  await expect
    .poll(async () => (await hoursDecisions(page)).some((d) => d.kept), { timeout: 30_000 })
    .toBe(true);
}

/** Page errors and console errors (a failed image or feed request aside). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('Failed to load resource'))
      errors.push(message.text());
  });
  return errors;
}

/** What `recordStates` writes for the h1 of a page that has none (yet, while parsing). */
export const NO_HEADING = '(no heading)';

/** A state of the screen as the recorder saw it: its h1 and main text. */
export interface ScreenState {
  text: string;
  /** Whether the HTML parser was still running: the browser may paint a prefix of the page then. */
  parsing: boolean;
  /** Whether the root was the worker's snapshot (src/sw/snapshot.ts) rather than the app's render. */
  snapshot: boolean;
}

/**
 * Records, from the first parsed byte to the end, every state of the h1 and the main text of
 * the pages `target` opens (read them with `recordedStates`): the tests of first paint and of
 * repeat visits prove with it that no blank or loading state ever shows.
 */
export async function recordStates(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript((noHeading) => {
    const seen: ScreenState[] = [];
    (window as unknown as { states: ScreenState[] }).states = seen;
    const record = () => {
      const main = document.querySelector('main');
      if (!main) return;
      const text = `${document.querySelector('h1')?.textContent ?? noHeading} | ${(main.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
      const parsing = document.readyState === 'loading';
      const snapshot = document.getElementById('root')?.hasAttribute('data-snapshot') ?? false;
      const last = seen[seen.length - 1];
      if (last?.text !== text || last.parsing !== parsing || last.snapshot !== snapshot) {
        seen.push({ text, parsing, snapshot });
      }
    };
    new MutationObserver(record).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-snapshot'],
    });
    document.addEventListener('readystatechange', record);
  }, NO_HEADING);
}

/** The states `recordStates` saw in this page so far. */
export const recordedStates = (page: Page): Promise<ScreenState[]> =>
  page.evaluate(() => (window as unknown as { states: ScreenState[] }).states);

/** The binding through which `recordAnnouncements` hears the page. */
const ANNOUNCED = '__citylinkAnnounced';

/**
 * Records what the page's live regions say from now on, in order, in this document and in the
 * documents it navigates to: each region's text whenever it is set to a new one (not empty), as
 * a screen reader speaks it then, whatever is set after it (a later sync may say something else
 * before a test could look). Read the array the call returns; it fills as the page speaks.
 */
export async function recordAnnouncements(page: Page): Promise<string[]> {
  const said: string[] = [];
  await page.exposeBinding(ANNOUNCED, (_source, text: string) => said.push(text));
  // `open`: a document already open, whose regions' texts of this moment were said before now.
  const listen = ([binding, open]: [string, boolean]) => {
    const regions = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';
    const last = new WeakMap<Element, string>();
    let seeding = open;
    const look = () => {
      for (const region of document.querySelectorAll(regions)) {
        // A region inside another speaks as part of it.
        if (region.parentElement?.closest(regions)) continue;
        const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text === (last.get(region) ?? '')) continue;
        last.set(region, text);
        if (text && !seeding) (window as unknown as Record<string, (text: string) => void>)[binding]?.(text);
      }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
    look();
    seeding = false;
  };
  await page.addInitScript(listen, [ANNOUNCED, false] as [string, boolean]);
  await page.evaluate(listen, [ANNOUNCED, true] as [string, boolean]);
  return said;
}

/** The rules every screen is held to: WCAG 2.2 up to AA (a11y.spec.ts checks each screen). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe finds on the page, or in the part of it `include` selects, as "rule: elements"
 * lines (a failure names what to fix). The WCAG 2.2 AA rules, or every rule of axe's (its best
 * practices too) with `allRules`.
 */
export async function axeViolations(
  page: Page,
  options: { include?: string; allRules?: boolean } = {},
): Promise<string[]> {
  let axe = new AxeBuilder({ page });
  if (options.include) axe = axe.include(options.include);
  if (!options.allRules) axe = axe.withTags(AXE_TAGS);
  const { violations } = await axe.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
