/**
 * Makes server/push/pglite-<version>.tar.br, the fresh database a first start of the push
 * service loads instead of running initdb (server/push/pglite-template.ts says why). Run it
 * after upgrading @electric-sql/pglite: `npx tsx tools/pglite-template.ts`; the template test
 * fails until then. It removes the templates of other versions.
 *
 * The tarball is PGlite's own `dumpDataDir`, after initdb and nothing else, with one change of
 * size, not content: the write-ahead log initdb wrote (7 MB that compress to 240 KB) is
 * switched out and checkpointed away, so the tarball holds a fresh, empty segment.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pgliteVersion, templateFile } from '../server/push/pglite-template';

const version = pgliteVersion();
const file = templateFile(version);
const db = await PGlite.create();
// wal_recycle off: the old segment is deleted, not renamed to a later name and kept.
await db.exec('SET wal_recycle = off; SELECT pg_switch_wal(); CHECKPOINT;');
const tar = new Uint8Array(await (await db.dumpDataDir('none')).arrayBuffer());
await db.close();
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
