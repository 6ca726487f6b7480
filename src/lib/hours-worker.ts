/**
 * The dedicated worker that tells whether places are open (hours.ts), off the page's thread:
 * compiling and first running the opening_hours parser (~690 KB) was a task of 270 to 420 ms
 * on a cold event or contact page at CPU 4x (issue 25). Started by open-state.ts.
 */
import type { CodeReply, CodeRequest } from '../data/code-worker';
import { openState, type OpenState } from './hours';

/** A question to the hours worker: the rules `specs`, read at the instant `at` in `zone`. */
export interface HoursAsk {
  specs: string[];
  at: number;
  zone: string;
}

self.onmessage = (event: MessageEvent<CodeRequest<HoursAsk>>) => {
  const { id, ask } = event.data;
  const at = new Date(ask.at);
  const answer = ask.specs.map((spec) => openState(spec, at, ask.zone));
  self.postMessage({ id, answer } satisfies CodeReply<(OpenState | undefined)[]>);
};
