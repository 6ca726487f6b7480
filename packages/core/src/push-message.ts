/**
 * A push message, as the push service (server/push) sends it and the service worker reads it:
 * one contract, validated on arrival like anything from the network. The message carries the
 * notification's text in the subscriber's language and the item itself as the feed has it, so
 * the worker can store the item before it shows the notification (src/data/push.ts), and a tap
 * opens it offline.
 *
 * Browsers' push services carry at most 4 KB, so a long item comes without its body
 * (`partial`); the worker then reads the feed for the rest, and never lets a partial copy
 * replace a whole one.
 */
import * as v from 'valibot';

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
