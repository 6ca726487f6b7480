/**
 * Storing the item a push message carries (packages/core/src/push-message.ts), before the worker shows
 * the notification: the item is read by the feed parser's rules and written as sync writes it.
 */
import { changedAt, isRetracted, markForSearch, toStored, tx } from './db';
import type { Item } from '@citylink/core/model';
import { parseFeed } from '@citylink/core/parse';
import type { PushMessage } from '@citylink/core/push-message';

/** The item a message carries, read by the feed parser's rules (relative URLs against `feedUrl`). */
export function pushedItem(message: PushMessage, feedUrl: string, receivedAt: number): Item | undefined {
  if (message.item === undefined) return undefined;
  const parsed = parseFeed(
    { _city: message.timezone ? { timezone: message.timezone } : undefined, items: [message.item] },
    { baseUrl: feedUrl, receivedAt },
  );
  return parsed.ok ? parsed.items[0] : undefined;
}

/** What became of a push message's item. */
export type PushedItem =
  /** Stored, or the device already held it as new or newer: the item as the device keeps it. */
  | { item: Item; retracted?: undefined }
  /** A copy its feed retracted (a message sent before the retraction, delivered after it). */
  | { item?: undefined; retracted: true }
  /** The message carries no item the parser can read. */
  | { item?: undefined; retracted?: undefined };

/**
 * Stores the item of a push message unless the device holds it already as new or newer (a
 * partial copy never replaces a stored one), or the device has seen it retracted and this copy
 * is no later than what was retracted: push services keep messages for offline devices, so a
 * notice sent before a retraction can arrive after it. Its address stays unique as sync keeps
 * it: a key another item owns falls back to the id.
 */
export async function storePushedItem(
  message: PushMessage,
  feedUrl: string,
  receivedAt: number,
): Promise<PushedItem> {
  const item = pushedItem(message, feedUrl, receivedAt);
  if (!item) return {};
  return tx(['items', 'retractions', 'searchPending'], async (a): Promise<PushedItem> => {
    if (isRetracted(item, await a.get('retractions', item.id))) return { retracted: true };
    const old = await a.get('items', item.id);
    if (old && (message.partial || changedAt(old) >= changedAt(item))) return { item: old };
    const owner = await a.keyFromIndex('items', 'by-kind-key', [item.kind, item.key]);
    const toStore = toStored(owner !== undefined && owner !== item.id ? { ...item, key: item.id } : item);
    // An undated item keeps the place it was first given.
    if (old && !item.datePublished && !item.dateModified) toStore.sortTime = old.sortTime;
    await a.put('items', toStore);
    await markForSearch(a, [item.id]);
    // Published again after its retraction, with a later change: the retraction is lifted.
    await a.delete('retractions', item.id);
    return { item: toStore };
  });
}
