/**
 * How the app reads a feed, which the publisher's checks hold a feed to: what the app does not
 * read, no reader sees.
 */

/** The pages the app follows on a first sync, counting the first. */
export const FIRST_SYNC_PAGES = 10;

/** How long the app waits for one page of the feed before it gives up. */
export const FETCH_TIMEOUT_MS = 15_000;
