/**
 * `citylink-feed validate`: checks a JSON Feed, and its older pages, against the contract
 * (docs/feed-format.md) with the app's own parser, and says what the app would do with it:
 * reject a page, skip an item, or use it with a warning. Exit codes and messages are
 * documented in docs/publishing.md ("Validating a feed").
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import * as v from 'valibot';
import type { Item } from '../../core/src/model';
import { FETCH_TIMEOUT_MS, FIRST_SYNC_PAGES } from '../../core/src/limits';
import { contactSchema, eventSchema, itemSchema, parseFeed } from '../../core/src/parse';
import { decodeUtf8, explainIssue, fieldName, issuePath } from './content';
import { specProblems, type SpecProblem } from './jsonfeed';

/** The command's exit codes (docs/publishing.md). */
export const EXIT = {
  /** Valid: warnings alone never fail. */
  ok: 0,
  /**
   * An error: a rule JSON Feed 1.1 or the contract requires is broken (the app may skip the
   * item), or a content file has an error (build).
   */
  invalid: 1,
  /** The app would reject a page whole: not JSON, not an object, no `items` array. */
  rejected: 2,
  /** The feed or content could not be read at all (no such file, network, HTTP error). */
  unreadable: 3,
  /** The command was called wrongly. */
  usage: 64,
} as const;

/**
 * The most bytes a page should have, as written (docs/publishing.md, "Size"): JSON Feed's own
 * "250K is fine". Every phone downloads the head whole after each change, often on a metered
 * 3G link; 250,000 bytes of feed JSON are about 70 KB with gzip, over a second at 400 kbps.
 */
export const PAGE_BUDGET = 250_000;

/** The size warning of a page of `bytes`, or nothing when it is within the budget. */
export function pageSizeProblem(bytes: number): string | undefined {
  if (bytes <= PAGE_BUDGET) return undefined;
  return `The page is ${bytes.toLocaleString('en')} bytes, over the budget of ${PAGE_BUDGET.toLocaleString('en')} bytes a page: every phone downloads it whole (the head after each change), often on a metered 3G link. Make pages smaller (fewer items a page, shorter items, or images as links rather than inline data).`;
}

// Pages followed at most: a guard against a generated chain that never ends.
const MAX_PAGES = 1000;

export interface FeedProblem {
  /** `error`: the app rejects the page or skips the item; `warning`: it reads around it. */
  severity: 'error' | 'warning';
  /** The page, as given or followed (a path or a URL). */
  page: string;
  /** The item's place in the page's `items` array, when the problem is an item's. */
  index?: number;
  id?: string;
  /** The field, as a path in the page's JSON (`_city.event.start`), when known. */
  field?: string;
  /**
   * The line of the page's text where the field's key is written (the item's, when the field
   * is missing), or the line that is not UTF-8.
   */
  line?: number;
  message: string;
}

export interface PageSummary {
  page: string;
  items: number;
  retractions: number;
}

export interface ValidationReport {
  source: string;
  exitCode: (typeof EXIT)[keyof typeof EXIT];
  pages: PageSummary[];
  problems: FeedProblem[];
}

export interface ValidateOptions {
  /** Follow `next_url` to older pages (default true), as the app does on a first sync. */
  follow?: boolean;
  /** Injected by tests. */
  fetch?: typeof fetch;
}

type Raw = Record<string, unknown>;

/** A page the validator has read and parsed, with its items' places. */
interface ReadPage {
  label: string;
  items: { item: Item; index: number }[];
  raw: unknown[];
}

/**
 * Where a page is read from, and the address the app would have read it at. A local file gets
 * the address its `feed_url` names (else a made-up one), so that relative and absolute
 * `next_url`s on the feed's own site lead to the files beside it, as they would when served.
 */
interface Place {
  /** What the report calls the page. */
  label: string;
  /** The address the parser resolves links against. */
  url: string;
  read: () => Promise<PageText>;
}

/** A page's text, as the app would decode it, with the lines that are not UTF-8. */
interface PageText {
  text: string;
  /** Its size in bytes, as downloaded (before any compression on the wire). */
  size: number;
  type?: string;
  bad: { line: number; column: number }[];
}

class Unreadable extends Error {}

/** Validates a file or URL and, unless told not to, its older pages. */
export async function validateFeed(source: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const report: ValidationReport = { source, exitCode: EXIT.ok, pages: [], problems: [] };
  const follow = options.follow ?? true;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const remote = /^https?:\/\//i.test(source);
  const firstFile = remote ? undefined : resolve(source);
  // Files: the first page's own feed_url is the site the others live on.
  let site: URL | undefined = remote ? new URL(source) : undefined;

  const placeOf = (url: string): Place => {
    if (remote) return { label: url, url, read: () => fetchPage(doFetch, url) };
    const base = site as URL;
    const target = new URL(url);
    const path = join(
      dirname(firstFile as string),
      posix.relative(posix.dirname(base.pathname), decodeURIComponent(target.pathname)),
    );
    return { label: path, url, read: () => Promise.resolve(pageText(readFileSync(path))) };
  };

  const pages: ReadPage[] = [];
  const seen = new Set<string>();
  let place: Place | undefined = remote
    ? placeOf(source)
    : {
        label: source,
        url: 'https://feed.invalid/feed.json',
        read: () => Promise.resolve(pageText(readFileSync(firstFile as string))),
      };

  while (place) {
    const current: Place = place;
    place = undefined;
    let text: string;
    let type: string | undefined;
    try {
      let bad: PageText['bad'];
      let size: number;
      ({ text, type, bad, size } = await current.read());
      const tooBig = pageSizeProblem(size);
      if (tooBig) report.problems.push({ severity: 'warning', page: current.label, message: tooBig });
      for (const { line, column } of bad) {
        report.problems.push({
          severity: 'error',
          page: current.label,
          line,
          message: `The line holds bytes that are not UTF-8 (from column ${column}). JSON Feed and the app read a feed as UTF-8: the app shows them as "�". Save or serve the feed as UTF-8.`,
        });
      }
    } catch (error) {
      report.problems.push({
        severity: 'error',
        page: current.label,
        message: `Could not read it: ${error instanceof Unreadable ? error.message : String(error)}`,
      });
      report.exitCode = EXIT.unreadable;
      break;
    }
    if (!remote && pages.length === 0) {
      // The first file's feed_url, if it has a usable one, is where its pages are published.
      site = feedUrlOf(text) ?? new URL('https://feed.invalid/feed.json');
      current.url = site.href;
    }
    seen.add(current.url);
    const checked = checkPage(text, current.label, current.url, type, pages.length === 0);
    // One by one: a spread of a 100,000-item page's problems would overflow the call stack.
    for (const problem of checked.problems) report.problems.push(problem);
    if (!checked.page) {
      report.exitCode = EXIT.rejected;
      break;
    }
    pages.push(checked.page);
    report.pages.push({
      page: current.label,
      items: checked.page.items.length,
      retractions: checked.retractions,
    });
    if (pages.length === FIRST_SYNC_PAGES + 1) {
      report.problems.push({
        severity: 'warning',
        page: current.label,
        message: `The app reads at most ${FIRST_SYNC_PAGES} pages on a first sync: this page and the ones after it reach no new reader. Keep older items out of the feed, or use larger pages.`,
      });
    }
    const next = checked.nextUrl;
    if (!next || !follow || pages.length >= MAX_PAGES) continue;
    const origin = new URL(current.url).origin;
    if (new URL(next).origin !== origin) {
      report.problems.push({
        severity: 'warning',
        page: current.label,
        field: 'next_url',
        message: `next_url ${next} is not on the feed's own site (${origin}): the app ignores it, and does not read that page.`,
      });
    } else if (seen.has(next)) {
      report.problems.push({
        // JSON Feed: next_url "must not be the same as feed_url, … or a previous next_url".
        severity: 'error',
        page: current.label,
        field: 'next_url',
        message: `next_url ${next} repeats the feed's address or an earlier page: the app stops paging there.`,
      });
    } else {
      place = placeOf(next);
    }
  }

  if (report.exitCode === EXIT.ok) {
    for (const problem of crossPageProblems(pages)) report.problems.push(problem);
  }
  if (report.exitCode === EXIT.ok && report.problems.some((p) => p.severity === 'error')) {
    report.exitCode = EXIT.invalid;
  }
  return report;
}

function pageText(bytes: Uint8Array): PageText {
  return { ...decodeUtf8(bytes), size: bytes.length };
}

async function fetchPage(doFetch: typeof fetch, url: string): Promise<PageText> {
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { Accept: 'application/feed+json, application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Unreadable(`no answer from ${url} (${String(error)})`);
  }
  if (!response.ok) throw new Unreadable(`HTTP ${response.status} for ${url}`);
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { ...pageText(bytes), type: response.headers.get('content-type') ?? undefined };
  } catch (error) {
    throw new Unreadable(`the answer from ${url} was cut off (${String(error)})`);
  }
}

function feedUrlOf(text: string): URL | undefined {
  try {
    const value = (JSON.parse(text) as { feed_url?: unknown } | null)?.feed_url;
    const url = typeof value === 'string' ? new URL(value) : undefined;
    return url && /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** One page as the app reads it, plus the contract's rules the app does not enforce. */
function checkPage(
  text: string,
  label: string,
  url: string,
  type: string | undefined,
  first: boolean,
): { problems: FeedProblem[]; page?: ReadPage; nextUrl?: string; retractions: number } {
  const problems: FeedProblem[] = [];
  const reject = (message: string) => ({
    problems: [...problems, { severity: 'error' as const, page: label, message }],
    retractions: 0,
  });
  if (type && !/^application\/(feed\+)?json\b/i.test(type.trim())) {
    problems.push({
      severity: 'warning',
      page: label,
      message: `It is served as ${type}; serve a feed as application/feed+json (or application/json).`,
    });
  }
  if (/^\s*</.test(text)) {
    return reject(
      'The feed is not JSON: it is HTML (a web page). The address may serve an error or login page, or the app itself, instead of the feed. The app rejects the whole page.',
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const cut = /end of JSON input|Unterminated|Expected .* after/i.test(detail) || text.trim() === '';
    return reject(
      cut
        ? `The feed is not JSON: it ends too early (${detail}). The file is cut off or empty. The app rejects the whole page.`
        : `The feed is not JSON (${detail}). The app rejects the whole page.`,
    );
  }
  const parsed = parseFeed(doc, { baseUrl: url, receivedAt: 0 });
  if (!parsed.ok) {
    const why =
      parsed.error === 'The feed has no items array.'
        ? 'The feed has no "items" array, so it holds no items at all.'
        : parsed.error;
    return reject(`${why} The app rejects the whole page.`);
  }
  const rawItems = (doc as { items: unknown[] }).items;
  const top = doc as Raw;
  const at = (p: { index?: number; id?: string }) => ({
    page: label,
    ...(p.index !== undefined ? { index: p.index } : {}),
    ...(p.id !== undefined ? { id: p.id } : {}),
  });
  for (const problem of parsed.skipped) {
    const raw = rawItems[problem.index ?? -1];
    const schema = /^[\w.]+: Invalid /.test(problem.message) ? schemaIssue(raw) : undefined;
    const message = schema ? `${schema.field}: ${schema.message}` : problem.message;
    problems.push({
      severity: 'error',
      ...at(problem),
      field: schema?.field ?? fieldOf(problem.message, raw),
      message: `${message}${/[.!?]$/.test(message) ? '' : '.'} The app skips this item.`,
    });
  }
  for (const problem of parsed.warnings) {
    problems.push({
      severity: 'warning',
      ...at(problem),
      field: fieldOf(problem.message, problem.index === undefined ? undefined : rawItems[problem.index]),
      message: problem.message,
    });
  }
  if (first) {
    if (typeof top.title === 'string' && top.title.trim() === '') {
      problems.push({
        severity: 'warning',
        page: label,
        field: 'title',
        message: "The feed's title is blank: the app shows the city name, or nothing.",
      });
    }
    if (rawItems.length === 0 && !parsed.nextUrl) {
      problems.push({
        severity: 'warning',
        page: label,
        field: 'items',
        message: 'The feed has no items: readers see an empty app.',
      });
    }
  }
  rawItems.forEach((raw, index) => {
    for (const note of itemRules(raw)) {
      const id = (raw as { id?: unknown } | null)?.id;
      problems.push({
        severity: 'warning',
        ...at({ index, id: typeof id === 'string' ? id : undefined }),
        ...note,
      });
    }
  });
  addSpecProblems(problems, specProblems(top, { first, zone: parsed.meta.timezone }), label, rawItems);
  // Top-level problems first, then item by item (stable: each item's keep their order).
  problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  const indexOf = new Map<string, number>();
  rawItems.forEach((raw, index) => {
    const id = (raw as { id?: unknown } | null)?.id;
    const key =
      typeof id === 'string' || typeof id === 'number' || typeof id === 'boolean' ? String(id) : undefined;
    if (key !== undefined && !indexOf.has(key)) indexOf.set(key, index);
  });
  addLines(problems, text);
  return {
    problems,
    page: {
      label,
      raw: rawItems,
      items: parsed.items.map((item) => ({ item, index: indexOf.get(item.id) ?? -1 })),
    },
    nextUrl: parsed.nextUrl,
    retractions: parsed.retractions.length,
  };
}

/**
 * Gives each problem of a page the line where its field is written (`"title": …`), or its item
 * when the field is missing, so that an editor opens the page there. jsonc-parser keeps every
 * node's offset, which JSON.parse does not.
 */
function addLines(problems: FeedProblem[], text: string): void {
  if (!problems.some((p) => p.line === undefined && (p.field !== undefined || p.index !== undefined))) return;
  const root = parseTree(text);
  if (!root) return;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  for (const problem of problems) {
    if (problem.line !== undefined) continue;
    // `_city.event.contacts[0]` → _city, event, contacts, 0; `authors[].url` stops at the list.
    const steps: (string | number)[] = problem.index === undefined ? [] : ['items', problem.index];
    for (const part of (problem.field ?? '').split(/\.|(?=\[)/)) {
      const index = /^\[(\d*)\]$/.exec(part);
      if (index && index[1] === '') break;
      if (part) steps.push(index ? Number(index[1]) : part);
    }
    let node: JsonNode | undefined;
    for (const step of steps) {
      const next = findNodeAtLocation(node ?? root, [step]);
      if (!next) break;
      node = next;
    }
    if (node) problem.line = lineAt((node.parent?.type === 'property' ? node.parent : node).offset);
  }
}

/**
 * JSON Feed's own problems beside the app's: one message per field. Where both name one field
 * (a date the app ignores, which the spec forbids), the more severe stays, the app's on a tie:
 * it says what the app does.
 */
function addSpecProblems(
  problems: FeedProblem[],
  spec: SpecProblem[],
  page: string,
  rawItems: unknown[],
): void {
  const key = (index: number | undefined, field: string | undefined) => `${index ?? ''}|${field ?? ''}`;
  const placed = new Map(problems.map((problem, i) => [key(problem.index, problem.field), i]));
  for (const problem of spec) {
    const id =
      problem.index === undefined ? undefined : (rawItems[problem.index] as { id?: unknown } | null)?.id;
    const full: FeedProblem = {
      severity: problem.severity,
      page,
      ...(problem.index !== undefined ? { index: problem.index } : {}),
      ...(typeof id === 'string' ? { id } : {}),
      ...(problem.field ? { field: problem.field } : {}),
      message: problem.message,
    };
    const same = placed.get(key(problem.index, problem.field));
    if (same === undefined) {
      placed.set(key(problem.index, problem.field), problems.length);
      problems.push(full);
    } else if (problem.severity === 'error' && problems[same]?.severity === 'warning') problems[same] = full;
  }
}

/**
 * Rules of the contract that the app reads around rather than enforces: each one a warning,
 * with the field it concerns. Shared with the build, which turns them into content warnings.
 */
export function itemRules(raw: unknown): { field: string; message: string }[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const item = raw as Raw;
  const city = (typeof item._city === 'object' && item._city !== null ? item._city : {}) as Raw;
  if (city.deleted === true) return [];
  const notes: { field: string; message: string }[] = [];
  const kind = typeof city.kind === 'string' ? city.kind : 'news';
  const event = (typeof city.event === 'object' && city.event !== null ? city.event : {}) as Raw;
  if (kind === 'event' && event.status === 'moved-online' && !event.online_url) {
    notes.push({
      field: '_city.event.online_url',
      message: 'The event has moved online but has no online_url: readers cannot find where to join.',
    });
  }
  const removed = typeof item.content_html === 'string' ? removedMarkup(item.content_html) : undefined;
  if (removed) {
    notes.push({
      field: 'content_html',
      message: `content_html holds ${removed}, which the app removes before display (scripts, frames, forms, media and event handlers never show).`,
    });
  }
  return notes;
}

const REMOVED_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'form', 'video', 'audio']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/**
 * A URL attribute as the URL parser reads its scheme: without the leading C0 controls and
 * spaces it strips, and without the tabs and line breaks it drops anywhere ("java\tscript:").
 */
function urlAsParsed(value: string): string {
  let start = 0;
  while (start < value.length && value.charCodeAt(start) <= 0x20) start++;
  return value.slice(start).replace(/[\t\n\r]/g, '');
}

/**
 * Markup of `html` that the app removes, as the HTML parser of the standard reads it
 * (parse5, as browsers do): `<img onerror>`, never the same words as escaped text
 * (`&lt;img onerror&gt;`), which the app shows as written and which runs nothing. Style
 * attributes are dropped too, but the text they style still shows: not worth a warning.
 */
function removedMarkup(html: string): string | undefined {
  const pending: DefaultTreeAdapterTypes.ParentNode[] = [parseFragment(html)];
  for (let node = pending.pop(); node; node = pending.pop()) {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (REMOVED_ELEMENTS.has(child.tagName)) return `<${child.tagName}>`;
      const handler = child.attrs.find((attr) => /^on/i.test(attr.name));
      if (handler) return `<${child.tagName} ${handler.name}>`;
      const script = child.attrs.find(
        (attr) => URL_ATTRIBUTES.has(attr.name) && /^javascript:/i.test(urlAsParsed(attr.value)),
      );
      if (script) return `a javascript: link (<${child.tagName} ${script.name}>)`;
      pending.push(
        child.tagName === 'template' ? (child as DefaultTreeAdapterTypes.Template).content : child,
      );
    }
  }
  return undefined;
}

/** Links between items that only the whole feed can check: translations, contacts, slugs. */
function crossPageProblems(pages: ReadPage[]): FeedProblem[] {
  const problems: FeedProblem[] = [];
  const byId = new Map<string, { page: ReadPage; index: number; item: Item }>();
  const slots = new Map<string, string>();
  for (const page of pages) {
    for (const { item, index } of page.items) {
      const where = { page: page.label, index, id: item.id };
      const earlier = byId.get(item.id);
      if (earlier) {
        problems.push({
          severity: 'warning',
          ...where,
          field: 'id',
          message: `The id "${item.id}" is also item ${earlier.index} of ${earlier.page.label}: a first sync stops paging at the second copy, and the older copy may replace the newer one. Keep each item on one page.`,
        });
        continue;
      }
      byId.set(item.id, { page, index, item });
      if (item.slug) {
        const slot = `${item.kind}/${item.slug}`;
        const owner = slots.get(slot);
        if (owner !== undefined) {
          problems.push({
            severity: 'warning',
            ...where,
            field: '_city.slug',
            message: `The slug "${item.slug}" is also the slug of "${owner}": the app gives this item the address of its id instead.`,
          });
        } else slots.set(slot, item.id);
      }
    }
  }
  for (const { page, index, item } of byId.values()) {
    const where = { page: page.label, index, id: item.id };
    item.translations.forEach((translation, i) => {
      if (!byId.has(translation.id)) {
        problems.push({
          severity: 'warning',
          ...where,
          field: `_city.translations[${i}].id`,
          message: `The translation "${translation.id}" is no item of the feed: the app offers no ${translation.language} version.`,
        });
      }
    });
    item.event?.contacts.forEach((entry, i) => {
      if (!('ref' in entry)) return;
      const target = byId.get(entry.ref)?.item;
      if (target?.kind === 'contact') return;
      problems.push({
        severity: 'warning',
        ...where,
        field: `_city.event.contacts[${i}]`,
        message: target
          ? `The event contact "${entry.ref}" is a ${target.kind} item, not a contact: the app shows no contact for it.`
          : `The event contact "${entry.ref}" is no contact item of the feed: the app shows no contact for it.`,
      });
    });
  }
  return problems;
}

/**
 * The first schema issue of an item, in words: the parser reports valibot's own message
 * ("Invalid type: Expected string but received 42"), which is not for the person who wrote it.
 */
function schemaIssue(raw: unknown): { field: string; message: string } | undefined {
  const explain = (result: v.SafeParseResult<v.GenericSchema>, prefix: (string | number)[]) => {
    const issue = result.issues?.[0];
    return issue && { field: fieldName([...prefix, ...issuePath(issue)]), message: explainIssue(issue) };
  };
  const item = v.safeParse(itemSchema, raw);
  if (!item.success) return explain(item, []);
  const city = item.output._city;
  if (city?.kind === 'event') return explain(v.safeParse(eventSchema, city.event), ['_city', 'event']);
  if (city?.kind === 'contact')
    return explain(v.safeParse(contactSchema, city.contact), ['_city', 'contact']);
  return undefined;
}

// Messages of packages/core/src/parse.ts and the field each one is about. A message not listed here is
// still reported, without a field.
const FIELD_OF: [RegExp, string | ((match: RegExpExecArray) => string)][] = [
  [/^((?:_city\.)?[a-z_]+(?:\.[a-z_0-9]+)*): /, (m) => qualify(m[1] ?? '')],
  [/^The feed's ([a-z_.]+) is not valid/, (m) => m[1] ?? ''],
  [/^(date_published|date_modified|_city\.expires) "/, (m) => m[1] ?? ''],
  [/^Only a news item can be an urgent notice/, '_city.urgent'],
  [/^The slug /, '_city.slug'],
  [/^The item has no id/, 'id'],
  [/^Another item on this page already has the id/, 'id'],
  [/^An event item needs a _city\.event/, '_city.event'],
  [/^A contact item needs a _city\.contact/, '_city.contact'],
  [/^The event's start/, '_city.event.start'],
  [/^The event's end|^The event ends/, '_city.event.end'],
  [/^Unknown event status/, '_city.event.status'],
  [/^An event contact is left out/, '_city.event.contacts'],
  [/^author (url|avatar) /, (m) => `authors[].${m[1] ?? ''}`],
  [/^attachment url /, 'attachments[].url'],
  [/^registration_url /, '_city.event.registration_url'],
  [/^website /, '_city.contact.website'],
  [/^_city\.about /, '_city.about'],
  [/^([a-z_]+) (".*" is not a URL|uses )/, (m) => m[1] ?? ''],
];

/**
 * The field a parser message is about, as a path in the item's JSON (`_city.event.start`);
 * `raw` is the item, for the messages that name no field.
 */
export function fieldOf(message: string, raw: unknown): string | undefined {
  if (/^Unknown time zone/.test(message))
    return raw === undefined ? '_city.timezone' : '_city.event.timezone';
  if (/^The position/.test(message)) {
    const kind = (raw as { _city?: { kind?: unknown } } | undefined)?._city?.kind;
    return kind === 'contact' ? '_city.contact.lat' : '_city.event.venue.lat';
  }
  for (const [pattern, field] of FIELD_OF) {
    const match = pattern.exec(message);
    if (match) return typeof field === 'string' ? field : field(match);
  }
  return undefined;
}

// The parser names contact fields from `contact.`; in the item they sit under `_city`.
function qualify(path: string): string {
  return path.startsWith('contact.') ? `_city.${path}` : path;
}

/** The report as lines for a person. */
export function formatReport(report: ValidationReport): string {
  const lines: string[] = [];
  const items = report.pages.reduce((sum, page) => sum + page.items, 0);
  const retractions = report.pages.reduce((sum, page) => sum + page.retractions, 0);
  lines.push(
    `${report.source}: ${report.pages.length} page${report.pages.length === 1 ? '' : 's'}, ${items} item${items === 1 ? '' : 's'}, ${retractions} retraction${retractions === 1 ? '' : 's'}`,
  );
  for (const problem of report.problems)
    lines.push(`${problem.severity}: ${placeOf(problem)}: ${problem.message}`);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const verdict: Record<number, string> = {
    [EXIT.ok]: 'valid',
    [EXIT.invalid]: 'not valid',
    [EXIT.rejected]: 'not valid: the app would reject a page',
    [EXIT.unreadable]: 'not read',
  };
  lines.push(
    `${verdict[report.exitCode] ?? ''} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; exit code ${report.exitCode})`,
  );
  return `${lines.join('\n')}\n`;
}

function placeOf(problem: FeedProblem): string {
  const parts = [problem.line === undefined ? problem.page : `${problem.page}:${problem.line}`];
  if (problem.index !== undefined) {
    parts.push(
      problem.id !== undefined ? `item ${problem.index} ("${problem.id}")` : `item ${problem.index}`,
    );
  }
  if (problem.field) parts.push(problem.field);
  return parts.join(' › ');
}
