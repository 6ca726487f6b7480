/**
 * Whether this device reaches the network at all, asked of the app's own origin. The browser's
 * `navigator.onLine` says false only when the device has no network; it says true where no
 * request can get through: in Android WebViews (the in-app browsers) of apps that may not read
 * the network's state, on a Wi-Fi without a way out, and in Chromium up to 150 or so under
 * DevTools' offline emulation once a new document loads. So when the feed could not be reached,
 * the screens ask this before they tell the reader "You are offline" rather than "the feed's
 * server did not answer" (src/features/status/connectivity.ts).
 */

/** How long the answer may take: it follows a failure, so the reader is already waiting. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * True when a request to `origin` gets any answer, whatever its status; false when it fails at
 * the network level or gets none in time. A HEAD request that no cache may answer: the worker
 * routes only GETs (src/sw), so it goes to the network from a page as from the worker.
 */
export async function reachesOrigin(
  origin: string,
  doFetch: typeof fetch = fetch,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<boolean> {
  try {
    await doFetch(new URL('/', origin), {
      method: 'HEAD',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}
