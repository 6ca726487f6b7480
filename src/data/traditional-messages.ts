/**
 * What the page and the conversion worker (traditional-worker.ts) say to each other. The
 * converter itself is the core's (packages/core/src/to-traditional.ts), about 1 MB of
 * dictionaries, loaded only in that worker and only for readers of Traditional.
 */
import type { TraditionalTarget } from '@citylink/core/traditional';

/** A page's question to the conversion worker; its answer is `texts` converted, in order. */
export interface TraditionalAsk {
  target: TraditionalTarget;
  texts: string[];
}
