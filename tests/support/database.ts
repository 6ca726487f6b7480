import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';

/**
 * Gives a data test an empty IndexedDB and fresh modules: src/data/db.ts keeps its open
 * database (and what it learnt of it) in module state, so a test imports the modules it uses
 * again after this, and they open the new, empty database.
 */
export function emptyDatabase(): void {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
}
