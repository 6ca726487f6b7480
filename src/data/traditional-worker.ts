/**
 * The dedicated worker that converts Simplified text to Traditional (traditional-messages.ts),
 * off the page's thread: building OpenCC's tree and converting thousands of texts would be
 * long tasks there. Started by traditional.ts; answers each request with its id.
 */
import { converter } from '@citylink/core/to-traditional';
import type { TraditionalReply, TraditionalRequest } from './traditional-messages';

self.onmessage = (event: MessageEvent<TraditionalRequest>) => {
  const { id, target, texts } = event.data;
  const convert = converter(target);
  self.postMessage({ id, texts: texts.map(convert) } satisfies TraditionalReply);
};
