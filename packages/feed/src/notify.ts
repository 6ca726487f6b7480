/**
 * `citylink-feed notify`'s request: a running push service reads the feed now. Plain HTTP, so
 * the publisher's command needs none of the service's code or packages; the answer is the
 * service's contract in the core (packages/core/src/poll.ts).
 */
import type { PollAnswer } from '../../core/src/poll';

/** `POST <serviceUrl>/poll` with the service's `PUSH_NOTIFY_TOKEN`; throws unless it answers 2xx. */
export async function requestPoll(serviceUrl: string, token: string): Promise<Partial<PollAnswer> | null> {
  const response = await fetch(new URL('poll', serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`The push service answered ${response.status}.`);
  return (await response.json()) as Partial<PollAnswer> | null;
}
