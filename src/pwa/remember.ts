/**
 * Small facts the page keeps across visits in localStorage. Storage can be blocked (some
 * private windows, policies): then nothing is remembered and nothing breaks.
 */

/** The value stored under `key`, or null when there is none or storage is blocked. */
export function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key` if storage allows it. */
export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Blocked or full: forgetting a UI hint is harmless.
  }
}
