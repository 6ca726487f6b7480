/**
 * Route data and actions for saved items, read marks and retraction notices. Everything goes
 * through src/data/db.ts; a change revalidates only the queries it touches.
 */
import { query, revalidate } from '@solidjs/router';
import { rendering } from '../../lib/hydration';
import { createSignal } from 'solid-js';
import type { Item } from '@citylink/core/model';
import { beginVisit } from '../../lib/visits';

// Loaded by the first read or write, not with the screens that show marks (src/state/data.ts).
const db = () => import('../../data/db');

/** Saved items, most recently saved first. */
export const savedItems = query(async () => (await db()).listSaved(), 'saved-items');

/** Ids of saved items, for the save buttons. */
export const savedSet = query(async () => new Set(await (await db()).savedIds()), 'saved-set');

/** Ids of items ever opened, for the "New" marks. */
export const readSet = query(async () => new Set(await (await db()).readIds()), 'read-set');

/** Saved items the feed retracted, still to be told. */
export const retractedNotices = query(async () => (await db()).listRetracted(), 'retracted');

const PERSIST_ASKED = 'citylink.persistAsked';

/**
 * Saves or unsaves an item. The first save asks the browser once to keep the app's storage
 * even under pressure: saved items are what a reader least wants to lose.
 */
export async function setSaved(item: Item, save: boolean): Promise<void> {
  if (save) {
    await (await db()).saveItem(item, Date.now());
    askPersistenceOnce();
  } else {
    await (await db()).unsaveItem(item.id);
  }
  await revalidate([savedSet.key, savedItems.key]);
}

function askPersistenceOnce(): void {
  try {
    if (localStorage.getItem(PERSIST_ASKED) || !navigator.storage?.persist) return;
    localStorage.setItem(PERSIST_ASKED, '1');
    // The answer changes nothing we show; a refusal only means the browser may evict later.
    void import('../../pwa/install').then((install) => install.askPersistentStorage());
  } catch {
    // No localStorage: do not ask at all rather than ask on every save.
  }
}

/** Records that an item was opened now. */
export async function recordRead(id: string): Promise<void> {
  await (await db()).markRead(id, Date.now());
  await revalidate(readSet.key);
}

/** Clears the notices of retracted saved items once the reader has seen them. */
export async function dismissNotices(ids: readonly string[]): Promise<void> {
  await (await db()).dismissRetracted(ids);
  await revalidate(retractedNotices.key);
}

const [visit, setPreviousVisit] = createSignal<number>();

/** When the previous visit began: items listed after it are new. None while a page hydrates. */
export function previousVisit(): number | undefined {
  return rendering() ? undefined : visit();
}

/** Starts this visit; called once from the entry point. */
export function startVisit(): void {
  try {
    setPreviousVisit(beginVisit(localStorage, sessionStorage, Date.now()));
  } catch {
    // Storage blocked: nothing is marked new.
  }
}
