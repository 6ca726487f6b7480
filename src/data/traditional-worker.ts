/**
 * The dedicated worker that converts Simplified text to Traditional (traditional-messages.ts),
 * off the page's thread: building OpenCC's tree and converting thousands of texts would be
 * long tasks there. Started by traditional.ts; answers each request with its id.
 */
import { converter } from '@citylink/core/to-traditional';
import type { CodeReply, CodeRequest } from './code-worker';
import type { TraditionalAsk } from './traditional-messages';

self.onmessage = (event: MessageEvent<CodeRequest<TraditionalAsk>>) => {
  const { id, ask } = event.data;
  const convert = converter(ask.target);
  self.postMessage({ id, answer: ask.texts.map(convert) } satisfies CodeReply<string[]>);
};
