import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteVersion, templateFile } from './pglite-template';

const root = mkdtempSync(join(tmpdir(), 'citylink-pglite-template-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One start of the push service's database in a process of its own: its peak memory in MB. */
function start(dir: string): number {
  const tool = fileURLToPath(new URL('../../tools/pglite-first-start.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', tool], {
    env: { ...process.env, PGLITE_FIRST_START_DIR: dir },
    encoding: 'utf8',
  });
  return (JSON.parse(out.trim().split('\n').at(-1)!) as { peakMB: number }).peakMB;
}

describe('the PGlite template', () => {
  it('is there for the installed PGlite (else run `npx tsx tools/pglite-template.ts`)', () => {
    expect(existsSync(templateFile(pgliteVersion()))).toBe(true);
  });

  // initdb peaks at about 820 MB here; the template at about 440, a later start at about 370.
  it('spares a first start initdb’s memory peak', { timeout: 60_000 }, () => {
    const dir = join(root, 'db');
    const first = start(dir);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    expect(first).toBeLessThan(600);
    expect(start(dir)).toBeLessThan(600);
  });
});
