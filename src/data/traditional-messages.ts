/**
 * What the page and the conversion worker (traditional-worker.ts) say to each other. The
 * converter itself is the core's (packages/core/src/to-traditional.ts), about 1 MB of
 * dictionaries, loaded only in that worker and only for readers of Traditional.
 */
import type { TraditionalTarget } from '@citylink/core/traditional';

/** A page's request to the conversion worker. */
export interface TraditionalRequest {
  id: number;
  target: TraditionalTarget;
  texts: string[];
}

/** The worker's answer: `texts` converted, in order. */
export interface TraditionalReply {
  id: number;
  texts: string[];
}
