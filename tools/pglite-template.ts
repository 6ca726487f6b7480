/**
 * Makes server/push/pglite-<version>.tar.br, the fresh database a first start of the push
 * service unpacks instead of running initdb (server/push/pglite-template.ts says why). Run it
 * after upgrading @electric-sql/pglite: `npx tsx tools/pglite-template.ts`; the template test
 * fails until then. It removes the templates of other versions.
 *
 * The tarball is PGlite's data folder after initdb and nothing else, shut down cleanly (so a
 * first start has nothing to recover), with one change of size, not content: the write-ahead
 * log initdb wrote (7 MB, which would double the file to 1.4 MB) is switched out and
 * checkpointed away, so the folder holds a fresh, empty segment.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { create } from 'tar';
import { pgliteVersion, templateFile } from '../server/push/pglite-template';

const version = pgliteVersion();
const file = templateFile(version);
const work = mkdtempSync(join(tmpdir(), 'citylink-pglite-template-'));
try {
  const folder = join(work, 'db');
  const db = await PGlite.create(folder);
  // wal_recycle off: the old segment is deleted, not renamed to a later name and kept.
  await db.exec('SET wal_recycle = off; SELECT pg_switch_wal(); CHECKPOINT;');
  await db.close();
  const tarball = join(work, 'db.tar');
  await create({ cwd: folder, file: tarball, portable: true }, readdirSync(folder));
  const tar = readFileSync(tarball);
  // Brotli's 16 MB window spans the three databases (about 7 MB each, nearly alike), so each is
  // stored about once; gzip's 32 KB window would make this 4.5 MB.
  const compressed = brotliCompressSync(tar, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: tar.length,
    },
  });
  for (const name of readdirSync(dirname(file))) {
    if (/^pglite-.*\.tar\.br$/.test(name) && name !== basename(file)) rmSync(join(dirname(file), name));
  }
  writeFileSync(file, compressed);
  console.log(`${file}: ${compressed.length} bytes (${tar.length} bytes of tarball), PGlite ${version}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
