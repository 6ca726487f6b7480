/**
 * A push message, as the push service (server/push) sends it and the service worker reads it:
 * one contract, validated on arrival like anything from the network. The message carries the
 * notification's text in the subscriber's language and the item itself as the feed has it, so
 * the worker can store the item before it shows the notification, and a tap opens it offline.
 *
 * Browsers' push services carry at most 4 KB, so a long item comes without its body
 * (`partial`); the worker then reads the feed for the rest, and never lets a partial copy
 * replace a whole one.
 */
import * as v from 'valibot';
import { toStored, tx } from './db';
import type { Item } from './model';
import { parseFeed } from './parse';

/** The format's version: a worker ignores the item of a message it cannot read. */
export const PUSH_FORMAT = 1;

/** The most a message's JSON may take (bytes of UTF-8): under the 4,096 of every push service once encrypted. */
export const PUSH_MAX_BYTES = 3_000;

export const pushMessageSchema = v.object({
  v: v.literal(PUSH_FORMAT),
  /** The notice's id at the push service: the notification's tag, so a second copy only replaces the first. */
  notice: v.pipe(v.string(), v.maxLength(64)),
  kind: v.picklist(['urgent', 'event']),
  /** The language of `title` and `body` (an interface language: `en`, `zh-Hans`). */
  lang: v.pipe(v.string(), v.maxLength(35)),
  title: v.pipe(v.string(), v.maxLength(300)),
  body: v.pipe(v.string(), v.maxLength(600)),
  /** The item's address in the app, as the push service computed it (`/news/<key>`). */
  path: v.pipe(v.string(), v.startsWith('/'), v.maxLength(500)),
  /** The feed's time zone, for an event that names none. */
  timezone: v.optional(v.string()),
  /** The item as the feed publishes it (JSON Feed with `_city`); the worker parses it as sync does. */
  item: v.optional(v.unknown()),
  /** True when the item's body was left out to fit the message. */
  partial: v.optional(v.boolean()),
});

export type PushMessage = v.InferOutput<typeof pushMessageSchema>;

/** The message in a push's data, or undefined when it is not one of ours. */
export function readPushMessage(data: unknown): PushMessage | undefined {
  const checked = v.safeParse(pushMessageSchema, data);
  return checked.success ? checked.output : undefined;
}

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
