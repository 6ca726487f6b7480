/**
 * Simplified Chinese converted to Traditional, where a deployable other than the app writes
 * for a Traditional reader: the publisher's zh-Hant calendars and the push server's zh-Hant
 * notifications. OpenCC's phrase-level conversion (`cn` to `hk`: Hong Kong's characters, as
 * zh-Hant formats default to Hong Kong), as the app converts on the device. Not for the page:
 * its dictionaries are about 1 MB.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { chineseScript } from './languages';

/** Whether a language tag is Chinese written in Simplified characters (`zh`, `zh-Hans`, `zh-CN`). */
export function isSimplified(tag: string | undefined): boolean {
  return tag !== undefined && /^zh(?:$|[-_])/i.test(tag) && chineseScript(tag) === 'zh-Hans';
}

/** Whether a language tag is Chinese written in Traditional characters (`zh-Hant`, `zh-TW`). */
export function isTraditional(tag: string | undefined): boolean {
  return tag !== undefined && /^zh(?:$|[-_])/i.test(tag) && chineseScript(tag) === 'zh-Hant';
}

// Made on first use: building the dictionaries takes a moment.
let converter: ((text: string) => string) | undefined;

/** `text`, written in Simplified characters, in Traditional ones. */
export function toTraditional(text: string): string {
  converter ??= OpenCC.Converter({ from: 'cn', to: 'hk' });
  return converter(text);
}
