/**
 * Storing the item a push message carries (src/data/push-message.ts), before the worker shows
 * the notification: the item is read by the feed parser's rules and written as sync writes it.
 */
import { toStored, tx } from './db';
import type { Item } from './model';
import { parseFeed } from './parse';
import type { PushMessage } from './push-message';

/** The item a message carries, read by the feed parser's rules (relative URLs against `feedUrl`). */
export function pushedItem(message: PushMessage, feedUrl: string, receivedAt: number): Item | undefined {
  if (message.item === undefined) return undefined;
  const parsed = parseFeed(
    { _city: message.timezone ? { timezone: message.timezone } : undefined, items: [message.item] },
    { baseUrl: feedUrl, receivedAt },
  );
  return parsed.ok ? parsed.items[0] : undefined;
}

/** When an item last changed, as its publisher dated it (ms); 0 when undated. */
function changedAt(item: Item): number {
  const date = item.dateModified ?? item.datePublished;
  return date ? Date.parse(date) : 0;
}

/**
 * Stores the item of a push message unless the device holds it already as new or newer (a
 * partial copy never replaces a stored one). Its address stays unique as sync keeps it: a key
 * another item owns falls back to the id. Resolves with the item as stored, or undefined when
 * the message carries none it can read.
 */
export async function storePushedItem(
  message: PushMessage,
  feedUrl: string,
  receivedAt: number,
): Promise<Item | undefined> {
  const item = pushedItem(message, feedUrl, receivedAt);
  if (!item) return undefined;
  return tx(['items'], async (a) => {
    const old = await a.get('items', item.id);
    if (old && (message.partial || changedAt(old) >= changedAt(item))) return old;
    const owner = await a.keyFromIndex('items', 'by-kind-key', [item.kind, item.key]);
    const toStore = toStored(owner !== undefined && owner !== item.id ? { ...item, key: item.id } : item);
    // An undated item keeps the place it was first given.
    if (old && !item.datePublished && !item.dateModified) toStore.sortTime = old.sortTime;
    await a.put('items', toStore);
    return toStore;
  });
}
