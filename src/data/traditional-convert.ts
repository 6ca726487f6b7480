/**
 * Simplified to Traditional Chinese with OpenCC's phrase-level conversion (`cn` to `hk` or
 * `tw`): text is cut at the phrases of its dictionary first, so that 头发 becomes 頭髮 and
 * 发展 發展, which a character table cannot tell apart. About 1 MB of dictionaries, so this
 * module runs in a worker of its own (traditional-worker.ts) and is loaded only for readers
 * of Traditional; building the dictionary's tree takes a third of a second on a laptop.
 */
import { ConverterBuilder, type ConverterFunction } from 'opencc-js/core';
import * as preset from 'opencc-js/preset/cn2t';
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

const converters = new Map<TraditionalTarget, ConverterFunction>();

/** The converter into `target`'s Traditional, made on first use and kept. */
export function converter(target: TraditionalTarget): ConverterFunction {
  let convert = converters.get(target);
  if (!convert) {
    convert = ConverterBuilder(preset)({ from: 'cn', to: target });
    converters.set(target, convert);
  }
  return convert;
}
