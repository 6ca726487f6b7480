/**
 * Lists whose order is known as ids (Events, Contacts), read a page at a time by the pager.
 * Apart from pager.ts, which is in the home's chunk: the home's news is paged by position.
 */
import { listEntries, listLanguage } from '../../state/data';
import { PAGE_SIZE } from '../../data/config';
import type { Page } from './pager';

/**
 * The page at `offset` of a list whose order is known as ids (events, contacts): its items,
 * read by id as the reader reads them, and the next offset.
 */
export async function idsPage(ids: readonly string[], offset: number): Promise<Page<number>> {
  const end = offset + PAGE_SIZE;
  return {
    items: await listEntries(ids.slice(offset, end), listLanguage()),
    next: end < ids.length ? end : null,
  };
}

/** Two id lists are the same list (memos of an order change only when it does). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
