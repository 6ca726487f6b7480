/**
 * Simplified Chinese for readers of Traditional: which text a device converts for them, into
 * which standard, and how converted text is named. Apart from translations.ts, whose rules the
 * home screen loads before it is interactive; these load only with the conversion.
 */
import { chineseScript } from './languages';
import type { Localized } from './model';
import { languageMatch } from './translations';

/**
 * Whether a Traditional Chinese reader (`wanted` written in Traditional) reads text in `tag`
 * only through conversion: the text is Simplified (`zh-Hans`, `zh-CN`, a bare `zh`). Their
 * device converts it (src/data/traditional.ts); a version in Traditional is shown as written.
 */
export function needsTraditional(tag: string | undefined, wanted: string): boolean {
  return isTraditional(wanted) && isSimplified(tag);
}

/** OpenCC's Traditional standards a reader may read: Hong Kong's, or Taiwan's. */
export type TraditionalTarget = 'hk' | 'tw';

/**
 * The standard to convert Simplified text into for a reader with these preferred languages
 * (navigator.languages order): Taiwan's when their first Chinese language is Taiwan's, else
 * Hong Kong's (Hong Kong, Macau, the overseas communities; the formats' default too).
 */
export function traditionalTarget(preferred: readonly string[]): TraditionalTarget {
  const chinese = preferred.find((tag) => /^zh(?:$|[-_])/i.test(tag));
  return chinese && /[-_]tw(?:$|[-_])/i.test(chinese) ? 'tw' : 'hk';
}

/**
 * The language of text converted from Simplified into `target`'s Traditional: the region's
 * Traditional tag with RFC 6497's "transformed from" extension naming the source. Screens set
 * it as the text's `lang`, and read from it that the text was converted (`isConverted`).
 */
export function convertedTag(target: TraditionalTarget): string {
  return `zh-Hant-${target.toUpperCase()}-t-zh-hans`;
}

/** The standard text in `tag` was converted into on this device (`convertedTag`), if it was. */
export function convertedTarget(tag: string | undefined): TraditionalTarget | undefined {
  const region = tag && /^zh-hant-(hk|tw)-t-zh-hans$/i.exec(tag)?.[1];
  return region ? (region.toLowerCase() as TraditionalTarget) : undefined;
}

/** Whether `tag` is the language of text converted on this device (`convertedTag`). */
export function isConverted(tag: string | undefined): boolean {
  return convertedTarget(tag) !== undefined;
}

/** The tag of a feed's language map (`_city.city`, a tag's labels) `localized()` reads for `wanted`. */
export function localizedTag(map: Localized | undefined, wanted: string): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const tag of Object.keys(map ?? {})) {
    const score = languageMatch(tag, wanted);
    if (score > bestScore) [best, bestScore] = [tag, score];
  }
  return best;
}

/** Whether a language tag is Chinese written in Simplified characters (`zh`, `zh-Hans`, `zh-CN`). */
export function isSimplified(tag: string | undefined): boolean {
  return tag !== undefined && /^zh(?:$|[-_])/i.test(tag) && chineseScript(tag) === 'zh-Hans';
}

/** Whether a language tag is Chinese written in Traditional characters (`zh-Hant`, `zh-TW`). */
export function isTraditional(tag: string | undefined): boolean {
  return tag !== undefined && /^zh(?:$|[-_])/i.test(tag) && chineseScript(tag) === 'zh-Hant';
}
