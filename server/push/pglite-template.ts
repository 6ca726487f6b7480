/**
 * A fresh PGlite database, made once and shipped beside this file, so that a first start finds
 * a database in its folder instead of running initdb. initdb in WebAssembly runs a second PGlite
 * inside the first, with a copy of its 128 MB heap, and peaks at about 900 MB of memory. With
 * the template a first start takes about 70 MB more than a later one: the buffers of the
 * unpacking, not yet collected when PostgreSQL starts (docs/push.md, "Memory").
 * tools/pglite-template.ts makes it; the file names the PGlite version that made it, and
 * another version runs initdb instead, since a data folder is only valid for the PostgreSQL
 * build that wrote it.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar';

/** The installed PGlite's version (its package.json is not among its exports, so by path). */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const file = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Where the template for a PGlite version lives: a brotli-compressed tarball of its folder. */
export function templateFile(version: string): string {
  return fileURLToPath(new URL(`pglite-${version}.tar.br`, import.meta.url));
}

/**
 * Writes the installed PGlite's template into `dataDir`, streamed (PGlite's own `loadDataDir`
 * holds the whole 40 MB tarball in memory, more than once: some 40 MB more at the start);
 * nothing when there is none for this version. PG_VERSION, which tells PGlite a database is there,
 * comes last: a start cut short leaves a folder that the next start fills again.
 */
export async function writeTemplate(dataDir: string): Promise<void> {
  const file = templateFile(pgliteVersion());
  if (!existsSync(file)) return;
  const isVersion = (path: string) => path === 'PG_VERSION';
  for (const filter of [(path: string) => !isVersion(path), isVersion]) {
    await pipeline(createReadStream(file), createBrotliDecompress(), extract({ cwd: dataDir, filter }));
  }
}
