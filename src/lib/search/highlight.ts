/**
 * Which parts of a result's text to highlight, as plain-text pieces: the page renders them
 * as text nodes and <mark> elements, never as HTML, so feed markup cannot get in. Pure.
 */
import { fold, foldScript, parseQuery, segments } from './tokenize';

/** A run of text, highlighted or not. */
export interface Piece {
  text: string;
  mark: boolean;
}

/** What a result matched: the folded index terms (from the hit) and the query itself. */
export interface Matcher {
  words: ReadonlySet<string>;
  han: readonly string[];
}

/** The matcher for a query and the index terms its hit matched (prefix and typo forms too). */
export function matcher(query: string, terms: readonly string[]): Matcher {
  const parsed = parseQuery(query);
  return { words: new Set([...terms, ...parsed.terms]), han: parsed.han };
}

/** [start, end) ranges of `text` to mark, sorted and merged. */
function ranges(text: string, match: Matcher): [number, number][] {
  const found: [number, number][] = [];
  for (const segment of segments(text)) {
    if (segment.type === 'word') {
      if (match.words.has(fold(segment.text))) found.push([segment.start, segment.end]);
      continue;
    }
    const run = foldScript(segment.text.normalize('NFKC'));
    // Offsets hold only when normalising left the run's length alone (it nearly always does).
    if (run.length !== segment.text.length) continue;
    for (const needle of match.han) {
      for (let at = run.indexOf(needle); at >= 0; at = run.indexOf(needle, at + needle.length)) {
        found.push([segment.start + at, segment.start + at + needle.length]);
      }
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

function cut(text: string, marks: [number, number][], from: number, to: number): Piece[] {
  const pieces: Piece[] = [];
  let at = from;
  for (const [start, end] of marks) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, Math.min(end, to)), mark: true });
    at = Math.min(end, to);
  }
  if (at < to) pieces.push({ text: text.slice(at, to), mark: false });
  return pieces;
}

/** The whole of `text`, in pieces, with every match marked. */
export function highlight(text: string, match: Matcher): Piece[] {
  return cut(text, ranges(text, match), 0, text.length);
}

/**
 * About `max` characters of `text` around its first match, marked, with an ellipsis where text
 * was left out; `undefined` when nothing in `text` matches.
 */
export function snippet(text: string, match: Matcher, max = 160): Piece[] | undefined {
  const marks = ranges(text, match);
  const first = marks[0];
  if (!first) return undefined;
  // Some context before the match, starting at a word boundary when there is one.
  let from = Math.max(0, first[0] - Math.floor(max / 4));
  if (from > 0) {
    const space = text.indexOf(' ', from - 1);
    if (space >= 0 && space < first[0]) from = space + 1;
  }
  // Never split a surrogate pair (CJK Extension B characters and emoji).
  if (/[\uDC00-\uDFFF]/.test(text[from] ?? '')) from--;
  let to = Math.min(text.length, from + max);
  if (/[\uDC00-\uDFFF]/.test(text[to] ?? '')) to++;
  const pieces = cut(text, marks, from, to);
  if (from > 0) pieces.unshift({ text: '…', mark: false });
  if (to < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
