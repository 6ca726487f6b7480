/**
 * The search tokenizer, for English and Chinese in one index. Latin (and any other spaced
 * script) is split into words, lower-cased and folded (café → cafe, ｆｕｌｌ → full). Chinese
 * has no spaces, so runs of Han characters become overlapping bigrams (人才驿站 → 人才 才驿
 * 驿站) plus the run's last character alone, so a one-character query (站) still finds, by
 * prefix, every place the character occurs. Pure: no DOM, so it can run in a worker.
 */

import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

/**
 * The version of what this module makes of text. An index kept from another version (stored,
 * or built by an older app) must be built again: its terms would not meet the queries'.
 * 2: Traditional characters folded to Simplified (`foldScript`).
 */
export const TOKENIZER_VERSION = 2;

// Traditional Chinese to Simplified, character by character (OpenCC's tables: Hong Kong's and
// Taiwan's variants to OpenCC's Traditional, then Traditional to Simplified). Only characters
// that stay the same length in UTF-16, so offsets into folded text hold for the original.
const SIMPLIFIED = new Map<string, string>();
{
  const pairs = (dictionary: string) =>
    dictionary.split('|').map((pair) => pair.split(' ') as [string, string]);
  const variants = new Map([...pairs(HKVariantsRev), ...pairs(TWVariantsRev)]);
  const simplified = new Map(pairs(TSCharacters));
  for (const source of new Set([...variants.keys(), ...simplified.keys()])) {
    const standard = variants.get(source) ?? source;
    const folded = simplified.get(standard) ?? standard;
    if (folded !== source && folded.length === source.length) SIMPLIFIED.set(source, folded);
  }
}
const TRADITIONAL_ONLY = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'gu');

/**
 * `text` with its Traditional Chinese characters written in Simplified, so that 江門 and 江门,
 * 資訊 and 资讯 index and query alike, for every reader: the one fold of scripts that the index,
 * the queries and the highlighting all apply. Same length as `text`, offset for offset.
 */
export function foldScript(text: string): string {
  return text.replace(TRADITIONAL_ONLY, (char) => SIMPLIFIED.get(char)!);
}

/** One piece of text as the tokenizer sees it, with its place in the original string. */
export interface Segment {
  /** `han`: a run of Chinese characters; `word`: a word of any other script, or a number. */
  type: 'han' | 'word';
  text: string;
  start: number;
  end: number;
}

// Runs of letters, marks and digits; the few that hold Han characters are split further.
// (One simple pattern first, because a per-character "not Han" look-ahead is several times
// slower over a large feed.)
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
const HAS_HAN = /\p{Script=Han}/u;
const HAN_SPLIT = /(\p{Script=Han}+)|[^\p{Script=Han}]+/gu;
const HAN = /^\p{Script=Han}+$/u;
const ASCII = /^[ -~\t\n\r]*$/;

/** The Han runs and words of `text`, in order, with their offsets. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const run of text.matchAll(RUN)) {
    const word = run[0];
    if (!HAS_HAN.test(word)) {
      out.push({ type: 'word', text: word, start: run.index, end: run.index + word.length });
      continue;
    }
    for (const part of word.matchAll(HAN_SPLIT)) {
      const start = run.index + part.index;
      out.push({ type: part[1] ? 'han' : 'word', text: part[0], start, end: start + part[0].length });
    }
  }
  return out;
}

/** A word as the index stores it: compatibility forms unified, accents dropped, lower case. */
export function fold(word: string): string {
  // Most words are plain ASCII, for which lower case is the whole job.
  if (ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a term is Chinese (a bigram or a single Han character). */
export function isHan(term: string): boolean {
  return HAN.test(term);
}

/**
 * Overlapping character pairs of a Han run, plus its last character alone, added to `out`
 * (a new list by default). Callers pass their own list rather than `push(...)` the result: a
 * body of 100,000 Han characters would be 100,000 arguments of one call, past a worker's stack.
 */
export function hanTerms(run: string, out: string[] = []): string[] {
  // Array.from keeps characters outside the BMP (CJK Extension B and later) whole.
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/** Index terms of a field's text. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const segment of segments(ASCII.test(text) ? text : text.normalize('NFKC'))) {
    if (segment.type === 'han') hanTerms(foldScript(segment.text), out);
    else out.push(fold(segment.text));
  }
  return out;
}

/** One word of a query as the reader wrote it: a Latin word, or a run of Chinese. */
export interface QueryWord {
  /** Its index terms, all needed for the word to match (a Han run's bigrams). */
  terms: string[];
  /** A Han run of three or more characters, which its bigrams alone cannot guarantee. */
  phrase?: string;
  /** Where it is in the query (normalized to NFKC), to write a corrected query. */
  start: number;
  end: number;
}

/** A search query split into the terms that must all match. */
export interface ParsedQuery {
  /** Terms to look up, all required; Han runs of two or more characters as bigrams only. */
  terms: string[];
  /** The query's words, each with its terms: an item may match some words and not others. */
  words: QueryWord[];
  /** The query as parsed (NFKC), to which the words' offsets point. */
  normal: string;
  /** Han runs of three or more characters, which bigrams alone cannot guarantee as a whole. */
  phrases: string[];
  /** Every Han run of the query, to highlight where it occurs. */
  han: string[];
  /** The last term while the user may still be typing it (no space after it yet). */
  partial?: string;
}

/**
 * Splits a query the way the index was split, but without the trailing single character of
 * each Han run: "人才驿站" must match the pairs 人才 才驿 驿站 (all three, so the text holds
 * the run, barring coincidences that `phrases` rules out), not also a lone 站.
 */
export function parseQuery(query: string): ParsedQuery {
  const normal = query.normalize('NFKC');
  const terms: string[] = [];
  const phrases: string[] = [];
  const han: string[] = [];
  const words: QueryWord[] = [];
  const parts = segments(normal);
  for (const segment of parts) {
    const { start, end } = segment;
    if (segment.type === 'word') {
      const term = fold(segment.text);
      terms.push(term);
      words.push({ terms: [term], start, end });
      continue;
    }
    const run = foldScript(segment.text);
    const chars = Array.from(run);
    han.push(run);
    const own = chars.length === 1 ? [run] : hanTerms(run).slice(0, -1);
    for (const term of own) terms.push(term);
    const phrase = chars.length > 2 ? run : undefined;
    if (phrase) phrases.push(phrase);
    words.push({ terms: own, ...(phrase ? { phrase } : {}), start, end });
  }
  const last = parts[parts.length - 1];
  // A word still being typed matches by prefix; a finished word (space after it) exactly.
  const partial = last && last.end === normal.length ? terms[terms.length - 1] : undefined;
  return { terms: [...new Set(terms)], words, normal, phrases, han, partial };
}
