/**
 * What the build tells a page's loader, apart from the loader's code so that the build
 * (build/loader.ts, run by Node from vite.config.ts) reads it without the loader's imports.
 */

/** What a rendered page tells its loader (build/html.ts writes it into the page). */
export interface LoaderSettings {
  /** The app's entry chunk. */
  entry: string;
  /** The chunks the page's screen needs, in its own language. */
  preloads: string[];
  /** The chunks of the other languages' interface catalogues, for a reader of one of them. */
  catalogues: Record<string, string[]>;
}

/** The id of the JSON block that holds a page's `LoaderSettings`. */
export const SETTINGS_ID = 'citylink-load';
