/**
 * PGlite databases for tests: making one (initdb) takes seconds, so a test suite makes one
 * template and each test gets a copy of its folder.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db';

export interface Folders {
  /** Makes the template (call in `beforeAll`). */
  prepare(): Promise<void>;
  /** A folder holding a fresh, empty database. */
  fresh(): string;
  /** Removes every folder (call in `afterAll`). */
  remove(): void;
}

export function pgliteFolders(): Folders {
  const root = mkdtempSync(join(tmpdir(), 'citylink-push-'));
  const template = join(root, 'template');
  let serial = 0;
  return {
    prepare: async () => (await openDatabase({ dataDir: template })).close(),
    fresh() {
      const dir = join(root, `db-${++serial}`);
      cpSync(template, dir, { recursive: true });
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
