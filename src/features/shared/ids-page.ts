/**
 * Lists whose order is known as ids (Events, Contacts), read a page at a time by the pager.
 * Apart from pager.ts, which is in the home's chunk: the home's news is paged by position.
 */
import { itemsById, listLanguage } from '../../state/data';
import { listEntry } from '@citylink/core/text';
import { PAGE_SIZE } from '../../data/config';
import type { Page } from './pager';
import { readableItems } from './readable';

/**
 * The page at `offset` of a list whose order is known as ids (events, contacts): its items,
 * read by id, and the next offset.
 */
export async function idsPage(ids: readonly string[], offset: number): Promise<Page<number>> {
  const end = offset + PAGE_SIZE;
  const items = (await itemsById(ids.slice(offset, end))).map(listEntry);
  return { items: await readableItems(items, listLanguage()), next: end < ids.length ? end : null };
}

/** Two id lists are the same list (memos of an order change only when it does). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
