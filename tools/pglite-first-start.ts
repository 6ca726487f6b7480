/**
 * The push service's PGlite memory at a first and a later start: each opens the database as
 * `npm run push` does (server/push/db.ts) in a process of its own, in a new folder and then
 * again, and reports that process's peak resident memory (the kernel's maxRSS, what
 * `/usr/bin/time -v` calls "Maximum resident set size"). `--initdb` also measures a first
 * start without the shipped template (initdb), for the comparison docs/push.md gives.
 *
 *   npx tsx tools/pglite-first-start.ts [--initdb]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const child = process.env.PGLITE_FIRST_START_DIR;
if (child) {
  // In the measured process: open, close, say how much memory it took at most. `initdb` opens
  // as db.ts did before the template: PGlite.create on the folder, then the schema.
  const started = performance.now();
  if (process.env.PGLITE_FIRST_START_INITDB) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { SCHEMA } = await import('../server/push/schema');
    const db = await PGlite.create(child);
    await db.exec(SCHEMA);
    await db.close();
  } else {
    const { openDatabase } = await import('../server/push/db');
    await (await openDatabase({ dataDir: child })).close();
  }
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ ms, peakMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const root = mkdtempSync(join(tmpdir(), 'citylink-pglite-'));
  const measure = (label: string, dir: string, env: Record<string, string> = {}) => {
    const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename], {
      env: { ...process.env, ...env, PGLITE_FIRST_START_DIR: dir },
      encoding: 'utf8',
    });
    const { ms, peakMB } = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; peakMB: number };
    console.log(`${label.padEnd(32)} ${String(peakMB).padStart(5)} MB peak  ${String(ms).padStart(6)} ms`);
  };
  try {
    measure('first start (template)', join(root, 'a'));
    measure('later start', join(root, 'a'));
    if (process.argv.includes('--initdb')) {
      measure('first start (initdb)', join(root, 'b'), { PGLITE_FIRST_START_INITDB: '1' });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
