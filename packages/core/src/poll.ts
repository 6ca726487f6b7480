/**
 * What the push service's `POST <base>/poll` answers: the result of the one read of the feed
 * it makes at once. The push server (server/push/watch.ts) makes it and `citylink-feed notify`
 * reports it; they share no other code, so this type is their contract.
 */

/** What one read of a changed feed made. */
export interface PollSummary {
  /** Items seen for the first time. */
  fresh: number;
  /** Notices made, by kind. */
  notices: { key: string; kind: 'urgent' | 'event'; deliveries: number }[];
  /** Deliveries not yet on their way that a retraction cancelled. */
  cancelled: number;
  /** True when this was the first look at the feed: its items are the baseline, not news. */
  baseline: boolean;
}

/** A read's result: a summary, or the feed unchanged (a 304), or not read (the service logs why). */
export type PollResult = PollSummary | 'unchanged' | 'failed';

/** The answer's body. */
export interface PollAnswer {
  result: PollResult;
}
