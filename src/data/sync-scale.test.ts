/**
 * Sync at any size: a 100,000-item page is stored, its retractions are reported, and nothing on
 * the way (a spread of the feed into a call, recursion) grows the stack with the feed. The sync
 * runs in a process with a Chromium worker's stack (tests/support/sync-scale.ts); its times go
 * to test-results/reliability.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordFigure } from '../../tools/support/figures';

const RUNNER = fileURLToPath(new URL('../../tests/support/sync-scale.ts', import.meta.url));

interface Run {
  outcome: string;
  added: number;
  stored: number;
  removed: string[];
  error?: { kind: string; detail: string };
  ms: number;
}

describe('syncFeed at 100,000 items, on a worker-sized stack', () => {
  it('stores the page, then reports every retraction of it', () => {
    const out = execFileSync(process.execPath, ['--stack-size=500', '--import', 'tsx', RUNNER], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const { size, retracted, first, second, gone, kept } = JSON.parse(out) as {
      size: number;
      retracted: number;
      first: Run;
      second: Run;
      gone: boolean;
      kept: boolean;
    };
    recordFigure('sync-100k', {
      items: size,
      retracted,
      firstSyncMs: first.ms,
      retractingSyncMs: second.ms,
    });
    expect(size).toBe(100_000);
    expect(first.error).toBeUndefined();
    expect(first).toMatchObject({ outcome: 'updated', added: 100_000, stored: 100_000 });
    expect(second.error).toBeUndefined();
    expect(second.outcome).toBe('updated');
    expect(second.removed).toHaveLength(retracted);
    expect(second.removed).toContain('n0');
    expect(gone && kept).toBe(true);
  }, 600_000);
});
