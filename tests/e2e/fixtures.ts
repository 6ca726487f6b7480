/**
 * The e2e suite's `test` and `expect`: Playwright's, plus a guard that fails a test on any
 * Content-Security-Policy or Trusted Types violation, in a page or in the service worker. The
 * suite tests the production build, which carries the policy (build/csp.ts), so every spec
 * runs with it on. Import `test` and `expect` from here, not from '@playwright/test'.
 *
 * What counts as a violation:
 * - a `securitypolicyviolation` event in any page (an init script forwards each one);
 * - a console error from a page or the service worker that names the policy or Trusted Types
 *   (the browser logs one for each block; the worker logs its own, src/sw/violations.ts).
 *
 * The default `context` is watched. A test that makes other contexts calls `watchCsp()` on each;
 * a context left unwatched fails the test. A test that provokes a violation on purpose takes it
 * with `csp.take()` and checks it; anything not taken fails the test in teardown.
 */
import {
  expect,
  test as base,
  type BrowserContext,
  type ConsoleMessage,
  type Worker,
} from '@playwright/test';

export { expect };

/** One violation, as the guard saw it. */
export interface Violation {
  /** The page's or worker's address. */
  where: string;
  /** The directive that blocked (`console` for a logged message). */
  directive: string;
  /** What was blocked: a URL, `inline`, `eval`, `trusted-types-sink`, or the logged message. */
  blocked: string;
  /** The start of the blocked code, when the browser gives it. */
  sample?: string;
}

/** The running test's violations. */
export interface CspGuard {
  /** Those seen so far. */
  seen(): Violation[];
  /** Those seen so far, which then no longer fail the test (a test that provoked them checks them). */
  take(): Violation[];
}

const BINDING = '__citylinkCspViolation';
// Chromium's messages for a block, and ours (src/lib/trusted-types.ts, src/sw/violations.ts).
const CSP_MESSAGE = /Content[- ]Security[- ]Policy|Trusted ?Types?\b|TrustedHTML|TrustedScript/i;

let current: Violation[] | undefined;
// Violations seen outside any test (in a beforeAll): the next test reports them.
const between: Violation[] = [];
const watched = new WeakSet<BrowserContext>();

function record(violation: Violation): void {
  (current ?? between).push(violation);
}

/** Watches a context (and its pages and service workers) for violations. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding(BINDING, (_source, violation: Violation) => record(violation));
  await context.addInitScript((binding: string) => {
    // Capture on window: violations fire at elements, documents and the window, and bubble.
    window.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, (violation: unknown) => void>)[binding];
        report?.({
          where: event.documentURI,
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
        });
      },
      true,
    );
  }, BINDING);
  const fromConsole = (where: () => string) => (message: ConsoleMessage) => {
    if (message.type() === 'error' && CSP_MESSAGE.test(message.text())) {
      record({ where: where(), directive: 'console', blocked: message.text() });
    }
  };
  context.on('console', (message) => fromConsole(() => message.page()?.url() ?? 'page')(message));
  const watchWorker = (worker: Worker) =>
    worker.on(
      'console',
      fromConsole(() => worker.url()),
    );
  context.on('serviceworker', watchWorker);
  context.serviceWorkers().forEach(watchWorker);
}

export const test = base.extend<{ csp: CspGuard }>({
  context: async ({ context }, use) => {
    await watchCsp(context);
    await use(context);
  },
  csp: [
    async ({ browser }, use, testInfo) => {
      const seen: Violation[] = between.splice(0);
      current = seen;
      await use({ seen: () => [...seen], take: () => seen.splice(0) });
      current = undefined;
      // Only while the test still failed nothing else: an earlier failure says more.
      if (testInfo.status !== testInfo.expectedStatus) return;
      const unwatched = browser.contexts().filter((context) => !watched.has(context));
      expect(unwatched, 'browser contexts not watched for CSP violations (call watchCsp)').toEqual([]);
      expect(seen, 'Content-Security-Policy or Trusted Types violations').toEqual([]);
    },
    { auto: true },
  ],
});
