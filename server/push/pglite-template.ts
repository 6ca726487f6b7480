/**
 * A fresh PGlite database, made once and shipped beside this file, so that a first start loads
 * it instead of running initdb. initdb in WebAssembly runs a second PGlite inside the first,
 * with a copy of its 128 MB heap, and peaks at about 900 MB of memory; loading this template
 * costs about what a later start does (docs/push.md, "Memory"). tools/pglite-template.ts makes
 * it; the file names the PGlite version that made it, and another version runs initdb instead,
 * since a data folder is only valid for the PostgreSQL build that wrote it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

/** The installed PGlite's version (its package.json is not among its exports, so by path). */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const file = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Where the template for a PGlite version lives: a brotli-compressed `dumpDataDir` tarball. */
export function templateFile(version: string): string {
  return fileURLToPath(new URL(`pglite-${version}.tar.br`, import.meta.url));
}

/** The template for the installed PGlite, as `loadDataDir` takes it; none for another version. */
export function pgliteTemplate(): Blob | undefined {
  const file = templateFile(pgliteVersion());
  return existsSync(file) ? new Blob([brotliDecompressSync(readFileSync(file))]) : undefined;
}
