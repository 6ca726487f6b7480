/**
 * Figures for the README's "Reliability" section, counted by the tests that earn them: each
 * test file writes what it tried and what held to `test-results/reliability/<name>.json`, and
 * `npm run reliability` prints them. Nobody types these numbers by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

export const FIGURES_DIR = new URL('../../test-results/reliability/', import.meta.url);

/** Writes (replaces) one figure file. */
export function recordFigure(name: string, figure: Record<string, unknown>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(
    new URL(`${name}.json`, FIGURES_DIR),
    `${JSON.stringify({ ...figure, recordedAt: new Date().toISOString() }, null, 2)}\n`,
  );
}
