/**
 * The worker runs under its own Content-Security-Policy (the one its script is served with:
 * build/csp.ts `workerPolicy`). A request it blocks only fails, and the browser's own report
 * shows only in the worker's DevTools, so each violation is also written to the worker's
 * console, where a deployment check or the e2e suite (tests/e2e/fixtures.ts) sees it.
 */

declare const self: ServiceWorkerGlobalScope;

/** Logs every Content-Security-Policy violation in the worker as a console error. */
export function reportViolations(): void {
  // Not in the worker's event map of TypeScript's lib, but fired at the worker's global scope.
  self.addEventListener('securitypolicyviolation', (event: Event) => {
    const violation = event as SecurityPolicyViolationEvent;
    console.error(
      `Content-Security-Policy: the worker's ${violation.effectiveDirective} blocked ${violation.blockedURI}`,
    );
  });
}
