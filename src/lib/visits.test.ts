import { describe, expect, it } from 'vitest';
import { beginVisit, isNew } from './visits';

/** A Storage over a Map, as localStorage and sessionStorage behave. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

describe('beginVisit', () => {
  it('has no previous visit the first time, then the start of the one before', () => {
    const local = memoryStorage();
    expect(beginVisit(local, memoryStorage(), 1000)).toBeUndefined();
    expect(beginVisit(local, memoryStorage(), 5000)).toBe(1000);
    expect(beginVisit(local, memoryStorage(), 9000)).toBe(5000);
  });

  it('keeps the same baseline for reloads within one session', () => {
    const local = memoryStorage();
    beginVisit(local, memoryStorage(), 1000);
    const session = memoryStorage();
    expect(beginVisit(local, session, 5000)).toBe(1000);
    expect(beginVisit(local, session, 6000)).toBe(1000);
    const firstSession = memoryStorage();
    expect(beginVisit(memoryStorage(), firstSession, 1)).toBeUndefined();
    expect(beginVisit(memoryStorage(), firstSession, 2)).toBeUndefined();
  });
});

describe('isNew', () => {
  it('marks unread items listed after the previous visit', () => {
    expect(isNew(2000, 1000, false)).toBe(true);
    expect(isNew(2000, 1000, true)).toBe(false);
    expect(isNew(500, 1000, false)).toBe(false);
    expect(isNew(2000, undefined, false)).toBe(false);
  });
});
