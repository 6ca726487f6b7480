/**
 * Periodic Background Sync: where the browser allows it (Chromium, for an installed app it
 * grants `periodic-background-sync`), the worker reads the feed now and then with no page open
 * (`periodicsync` in src/sw/sw.ts), so the feed and its urgent notices are fresh when the app
 * opens, for readers who never turned notifications on too. Elsewhere nothing happens.
 */

/** The tag src/sw/sw.ts answers. */
export const PERIODIC_TAG = 'feed';
// The browser decides the real interval (from how much the app is used); this is the least.
const MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

interface PeriodicSyncManager {
  register(tag: string, options?: { minInterval: number }): Promise<void>;
  getTags(): Promise<string[]>;
}

/** What registering did: for the page's own record (`<html data-periodic-sync>`) and tests. */
export type PeriodicOutcome = 'registered' | 'not-allowed' | 'unsupported' | 'failed';

export async function registerPeriodicSync(
  registration: ServiceWorkerRegistration,
): Promise<PeriodicOutcome> {
  const manager = (registration as ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager })
    .periodicSync;
  if (!manager) return 'unsupported';
  try {
    const status = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    if (status.state !== 'granted') return 'not-allowed';
    await manager.register(PERIODIC_TAG, { minInterval: MIN_INTERVAL_MS });
    return 'registered';
  } catch {
    return 'failed';
  }
}
