/**
 * Simplified to Traditional Chinese with OpenCC's phrase-level conversion (`cn` to `hk` or
 * `tw`): text is cut at the phrases of its dictionary first, so that 头发 becomes 頭髮 and
 * 发展 發展, which a character table cannot tell apart. One converter for every deployable: the
 * app's conversion worker (src/data/traditional-convert.ts), the publisher's zh-Hant calendars
 * and the push server's zh-Hant notifications. About 1 MB of dictionaries, so the page never
 * imports it; building a converter's tree takes a third of a second on a laptop, so each is
 * made on first use and kept.
 */
import { ConverterBuilder, type ConverterFunction } from 'opencc-js/core';
import * as preset from 'opencc-js/preset/cn2t';
import type { TraditionalTarget } from './traditional';

const converters = new Map<TraditionalTarget, ConverterFunction>();

/** The converter into `target`'s Traditional. */
export function converter(target: TraditionalTarget): ConverterFunction {
  let convert = converters.get(target);
  if (!convert) {
    convert = ConverterBuilder(preset)({ from: 'cn', to: target });
    converters.set(target, convert);
  }
  return convert;
}

/**
 * `text`, written in Simplified characters, in Traditional ones: Hong Kong's by default, as
 * zh-Hant formats default to Hong Kong.
 */
export function toTraditional(text: string, target: TraditionalTarget = 'hk'): string {
  return converter(target)(text);
}
