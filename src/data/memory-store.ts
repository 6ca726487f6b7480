/**
 * A stand-in for IndexedDB when the browser has none, refuses it, or never opens it: object
 * stores with key paths and indexes, kept in memory for as long as the page or worker lives.
 * `db.ts` puts its own schema over it, so every read and write keeps one code path.
 *
 * It keeps IndexedDB's promises that the data layer relies on: values are copies (structured
 * clones) on the way in and out, keys and index walks follow IndexedDB's key order, and a
 * read-write run either applies all its changes or, when its work throws, none of them.
 */

/** Where a record's key is found: a property path (`item.kind`), or several for a compound key. */
export type KeyPath = string | readonly string[];

/** One store's shape: an in-line key path (else keys are given on `put`) and its indexes. */
export interface StoreShape {
  keyPath?: string;
  indexes?: Record<string, KeyPath>;
  /** Indexes whose key path holds an array indexed element by element (IndexedDB's multiEntry). */
  multiEntry?: readonly string[];
}

type Key = IDBValidKey;

/** A run's view of the stores it named. */
export interface MemoryTx {
  get(store: string, key: Key): unknown;
  getAll(store: string): unknown[];
  getAllKeys(store: string): Key[];
  /** The first record (in index then key order) whose index key equals `key`, with its key. */
  fromIndex(store: string, index: string, key: Key): { key: Key; value: unknown } | undefined;
  /** Keys of every record whose index key equals `key`, in key order. */
  keysFromIndex(store: string, index: string, key: Key): Key[];
  /** Records whose index key lies between `lower` and `upper` (inclusive), last first. */
  indexDescending(store: string, index: string, lower: Key, upper: Key, limit: number): unknown[];
  put(store: string, value: unknown, key?: Key): void;
  delete(store: string, key: Key): void;
  clear(store: string): void;
}

interface Row {
  key: Key;
  value: unknown;
}

export class MemoryDatabase {
  private readonly stores = new Map<string, Map<string, Row>>();
  // Runs take turns, as IndexedDB's overlapping transactions do.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly shapes: Record<string, StoreShape>) {
    for (const name of Object.keys(shapes)) this.stores.set(name, new Map());
  }

  /** Runs `work` over the named stores; a read-write run that throws leaves them as they were. */
  run<T>(
    names: readonly string[],
    mode: 'readonly' | 'readwrite',
    work: (tx: MemoryTx) => Promise<T>,
  ): Promise<T> {
    const turn = this.queue.then(async () => {
      const saved = new Map(names.map((name) => [name, new Map(this.rows(name))]));
      try {
        return await work(this.tx(new Set(names), mode));
      } catch (error) {
        for (const [name, rows] of saved) this.stores.set(name, rows);
        throw error;
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private rows(name: string): Map<string, Row> {
    const rows = this.stores.get(name);
    if (!rows) throw new DOMException(`No object store named ${name}.`, 'NotFoundError');
    return rows;
  }

  private tx(names: ReadonlySet<string>, mode: 'readonly' | 'readwrite'): MemoryTx {
    const rows = (name: string) => {
      if (!names.has(name)) throw new DOMException(`${name} is not in this run.`, 'NotFoundError');
      return this.rows(name);
    };
    const writable = (name: string) => {
      if (mode !== 'readwrite') throw new DOMException('This run is read-only.', 'ReadOnlyError');
      return rows(name);
    };
    const sorted = (name: string) => [...rows(name).values()].sort((a, b) => compareKeys(a.key, b.key));
    const byIndex = (name: string, index: string) => {
      const path = this.shapes[name]?.indexes?.[index];
      if (!path) throw new DOMException(`No index named ${index}.`, 'NotFoundError');
      const multi = this.shapes[name]?.multiEntry?.includes(index) ?? false;
      return sorted(name)
        .flatMap((row) => {
          const at = keyAt(row.value, path);
          if (!multi || !Array.isArray(at)) return [{ row, at }];
          // One entry per distinct valid element, as IndexedDB's multiEntry index keeps.
          const elements = at.filter((part) => typeof part === 'string' || typeof part === 'number');
          return [...new Map(elements.map((part) => [id(part), part])).values()].map((part) => ({
            row,
            at: part,
          }));
        })
        .filter((entry): entry is { row: Row; at: Key } => entry.at !== undefined)
        .sort((a, b) => compareKeys(a.at, b.at) || compareKeys(a.row.key, b.row.key));
    };
    return {
      get: (name, key) => {
        const row = rows(name).get(id(key));
        return row && structuredClone(row.value);
      },
      getAll: (name) => sorted(name).map((row) => structuredClone(row.value)),
      getAllKeys: (name) => sorted(name).map((row) => row.key),
      fromIndex: (name, index, key) => {
        const found = byIndex(name, index).find((entry) => compareKeys(entry.at, key) === 0);
        return found && { key: found.row.key, value: structuredClone(found.row.value) };
      },
      keysFromIndex: (name, index, key) =>
        byIndex(name, index)
          .filter((entry) => compareKeys(entry.at, key) === 0)
          .map((entry) => entry.row.key),
      indexDescending: (name, index, lower, upper, limit) =>
        byIndex(name, index)
          .filter((entry) => compareKeys(entry.at, lower) >= 0 && compareKeys(entry.at, upper) <= 0)
          .reverse()
          .slice(0, limit)
          .map((entry) => structuredClone(entry.row.value)),
      put: (name, value, key) => {
        const path = this.shapes[name]?.keyPath;
        const own = path === undefined ? key : keyAt(value, path);
        if (own === undefined) throw new DOMException('The record has no key.', 'DataError');
        writable(name).set(id(own), { key: own, value: structuredClone(value) });
      },
      delete: (name, key) => void writable(name).delete(id(key)),
      clear: (name) => writable(name).clear(),
    };
  }
}

/** A key as a map key: strings, numbers and arrays of them each get their own spelling. */
function id(key: Key): string {
  return JSON.stringify(key instanceof Date ? key.getTime() : key);
}

/** The key a record has at a key path, as IndexedDB reads it (undefined: not indexed). */
function keyAt(value: unknown, path: KeyPath): Key | undefined {
  if (typeof path !== 'string') {
    const parts = path.map((part) => keyAt(value, part));
    return parts.every((part) => part !== undefined) ? parts : undefined;
  }
  let at: unknown = value;
  for (const step of path.split('.')) at = (at as Record<string, unknown> | null | undefined)?.[step];
  return typeof at === 'number' || typeof at === 'string' || Array.isArray(at) ? (at as Key) : undefined;
}

/** IndexedDB's key order: numbers, then dates, then strings (by code unit), then arrays. */
export function compareKeys(a: Key, b: Key): number {
  const rank = (key: Key) =>
    typeof key === 'number' ? 0 : key instanceof Date ? 1 : typeof key === 'string' ? 2 : 3;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareKeys(a[i] as Key, b[i] as Key);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}
