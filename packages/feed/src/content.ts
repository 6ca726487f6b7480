/**
 * The content folder city staff write (docs/publishing.md): `feed.yaml` for the feed itself and
 * one Markdown file per item per language, its fields in YAML front matter. This module reads
 * the files and remembers where every value was written, so that every problem names its file
 * and line. Which fields exist, and what they may hold, comes from the app's own feed schemas
 * (packages/core/src/parse.ts): the command and the app read one contract.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as v from 'valibot';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { contactSchema, DATE_TIME, eventSchema, feedSchema, itemSchema } from '../../core/src/parse';

/** A problem in the content, at a place a person can open. */
export interface ContentProblem {
  severity: 'error' | 'warning';
  /** Relative to the content folder, with `/`. */
  file: string;
  line?: number;
  /** The field as written in the file (`event.venue.lat`). */
  field?: string;
  message: string;
}

export type Path = readonly (string | number)[];

/** `event.contacts[1].name` */
export function fieldName(path: Path): string {
  return path.reduce<string>(
    (name, step) => (typeof step === 'number' ? `${name}[${step}]` : name ? `${name}.${step}` : step),
    '',
  );
}

/** A parsed YAML document, and the line of the file each of its values starts on. */
export class Located {
  readonly value: unknown;

  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
    /** The file's line number of the YAML text's first line. */
    private readonly firstLine: number,
  ) {
    this.value = doc.toJS();
  }

  /**
   * The line of the field at `path`: the line of its key in a mapping, of its entry in a list.
   * A path that goes further than the document gives the line of the deepest part that exists
   * (a missing `event.start` is reported on the `event:` line).
   */
  lineOf(path: Path): number {
    let node: unknown = this.doc.contents;
    let offset = (node as { range?: [number] } | null)?.range?.[0] ?? 0;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(step)] as { range?: [number] } | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return this.lines.linePos(offset).line + this.firstLine - 1;
  }

  /** Keys written in the document that `shape` does not know, with a hint for each. */
  unknownFields(shape: Shape, hints: Record<string, string> = {}): ContentProblem[] {
    const problems: ContentProblem[] = [];
    const walk = (node: unknown, at: Shape, path: Path) => {
      if (at.fields && isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          const inner = at.fields[key];
          if (inner) {
            walk(pair.value, inner, [...path, key]);
            continue;
          }
          const known = Object.keys(at.fields);
          const inside = placeOf(at, key);
          const hint =
            (path.length === 0 ? hints[key] : undefined) ??
            (inside
              ? `It is a field of ${fieldName([...path, ...inside])}: write it there, indented.`
              : undefined) ??
            didYouMean(key, known);
          problems.push({
            severity: 'error',
            file: this.file,
            line: this.lineOf([...path, key]),
            field: fieldName([...path, key]),
            message: `Unknown field "${key}"${path.length ? ` in ${fieldName(path)}` : ''}. ${hint}`,
          });
        }
      } else if (at.items && isSeq(node)) {
        node.items.forEach((item, index) => walk(item, at.items as Shape, [...path, index]));
      }
    };
    walk(this.doc.contents, shape, []);
    return problems;
  }
}

/** The nearest place below `shape` with a field named `key` (`['event', 'venue']`), if any. */
function placeOf(shape: Shape, key: string): string[] | undefined {
  const nested = Object.entries(shape.fields ?? {}).flatMap(([name, inner]) => {
    const fields = inner.fields ?? inner.items?.fields;
    return fields ? [[name, fields] as const] : [];
  });
  const here = nested.find(([, fields]) => key in fields);
  if (here) return [here[0]];
  for (const [name, fields] of nested) {
    const deeper = placeOf({ fields }, key);
    if (deeper) return [name, ...deeper];
  }
  return undefined;
}

/** "Did you mean …?" with the nearest known name, or the list of them. */
export function didYouMean(key: string, known: string[]): string {
  const close = known
    .map((name) => [name, distance(key.toLowerCase(), name)] as const)
    .filter(([, d]) => d <= 2)
    .sort((a, b) => a[1] - b[1])[0];
  return close ? `Did you mean "${close[0]}"?` : `Known fields here: ${known.join(', ')}.`;
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** Parses YAML text that starts on `firstLine` of `file`. */
export function parseYaml(
  file: string,
  text: string,
  firstLine: number,
): { located?: Located; problems: ContentProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings].map<ContentProblem>((error) => ({
    severity: 'error',
    file,
    line: lines.linePos(error.pos[0]).line + firstLine - 1,
    message: `YAML: ${error.message.replace(/ at line \d+, column \d+.*$/s, '')}`,
  }));
  if (problems.length) return { problems };
  return { located: new Located(file, doc, lines, firstLine), problems };
}

/** A Markdown file: its front matter, parsed, and its body. */
export interface ItemSource {
  file: string;
  front: Located;
  body: string;
  /** The file's line where the body's text starts (its first line that is not blank). */
  bodyLine: number;
}

/** Splits a Markdown file into its front matter (between two `---` lines) and its body. */
export function readItemFile(file: string, text: string): { item?: ItemSource; problems: ContentProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          message:
            'The file does not start with front matter: its first line must be "---", then the fields (title, date_published, …), then "---".',
        },
      ],
    };
  }
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (end < 0) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          message: 'The front matter is not closed: end it with a line "---" before the text.',
        },
      ],
    };
  }
  const { located, problems } = parseYaml(file, lines.slice(1, end).join('\n'), 2);
  if (!located) return { problems };
  if (typeof located.value !== 'object' || located.value === null || Array.isArray(located.value)) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 2,
          message: 'The front matter must be fields, one per line ("title: …"); it is empty or not fields.',
        },
      ],
    };
  }
  const first = lines.findIndex((line, i) => i > end && line.trim() !== '');
  const bodyLine = (first < 0 ? end + 1 : first) + 1;
  return { item: { file, front: located, body: lines.slice(end + 1).join('\n'), bodyLine }, problems };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Bytes as UTF-8 text, and the lines (from 1, with the column of the first bad byte) that hold
 * bytes that are not UTF-8. Node's own `readFileSync(…, 'utf8')` turns such bytes into "�"
 * without a word, and a file saved as GBK or Latin-1 would then be published as "Caf� ��": the
 * text here is decoded the same way, for callers that read on, but the lines are named.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; bad: { line: number; column: number }[] } {
  try {
    return { text: strictUtf8.decode(bytes), bad: [] };
  } catch {
    // Only a file that fails is read again line by line, to find where.
  }
  const bad: { line: number; column: number }[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const part = bytes.subarray(start, i);
    try {
      strictUtf8.decode(part);
    } catch {
      bad.push({ line, column: lenientUtf8.decode(part).indexOf('\uFFFD') + 1 });
    }
    line++;
    start = i + 1;
  }
  return { text: lenientUtf8.decode(bytes), bad };
}

/** A content file's text, or an error on each line that is not UTF-8. */
export function readContentFile(dir: string, file: string): { text?: string; problems: ContentProblem[] } {
  const { text, bad } = decodeUtf8(readFileSync(join(dir, file)));
  if (!bad.length) return { text, problems: [] };
  return {
    problems: bad.map(({ line, column }) => ({
      severity: 'error' as const,
      file,
      line,
      message: `The line holds bytes that are not UTF-8 (from column ${column}): the file was saved in another encoding (GBK, Big5, Latin-1, …), and its text would be published as "�". Save the file as UTF-8 in your editor.`,
    })),
  };
}

/** The feed's own settings file in a content folder. */
export const FEED_FILE = 'feed.yaml';

/** The files of a content folder, in a stable order: `feed.yaml` and every Markdown file. */
export function listContent(dir: string): { feed?: string; items: string[] } {
  const items: string[] = [];
  const walk = (relative: string) => {
    const entries = readdirSync(join(dir, relative), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      // Dot files (editor droppings, .DS_Store) and notes for people are not content.
      if (entry.name.startsWith('.') || /^readme\.md$/i.test(entry.name)) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) items.push(path);
    }
  };
  walk('');
  let feed: string | undefined;
  try {
    readFileSync(join(dir, FEED_FILE));
    feed = FEED_FILE;
  } catch {
    feed = undefined;
  }
  return { feed, items };
}

/**
 * What fields a place may hold, derived from a valibot schema: `fields` for an object, `items`
 * for a list of them, neither for a plain value.
 */
export interface Shape {
  fields?: Record<string, Shape>;
  items?: Shape;
}

interface SchemaLike {
  type: string;
  wrapped?: unknown;
  entries?: Record<string, unknown>;
  item?: unknown;
}

export function shapeOf(schema: unknown): Shape {
  const s = schema as SchemaLike;
  if (s.wrapped !== undefined) return shapeOf(s.wrapped);
  if (s.type === 'object' && s.entries) {
    return {
      fields: Object.fromEntries(Object.entries(s.entries).map(([key, value]) => [key, shapeOf(value)])),
    };
  }
  if (s.type === 'array' && s.item !== undefined) return { items: shapeOf(s.item) };
  return {};
}

/** The schema of a field of an object schema, optional wrappers removed. */
export function fieldSchema(schema: unknown, key: string): v.GenericSchema {
  let s = (schema as SchemaLike).entries?.[key] as SchemaLike | undefined;
  while (s?.wrapped !== undefined) s = s.wrapped as SchemaLike;
  if (!s) throw new Error(`The feed schema has no field "${key}".`);
  return s as unknown as v.GenericSchema;
}

const without = (fields: Record<string, Shape> | undefined, drop: readonly string[]) =>
  Object.fromEntries(Object.entries(fields ?? {}).filter(([key]) => !drop.includes(key)));

/** An object schema of the parser, with its fields. */
export type ObjectSchema = v.GenericSchema & { entries: Record<string, v.GenericSchema> };

function objectField(schema: unknown, key: string): ObjectSchema {
  const field = fieldSchema(schema, key) as Partial<ObjectSchema>;
  if (!field.entries) throw new Error(`The feed schema's "${key}" is not an object.`);
  return field as ObjectSchema;
}

/** The item `_city` object's schema. */
export const citySchema = objectField(itemSchema, '_city');
/** The top-level `_city` object's schema. */
export const feedCitySchema = objectField(feedSchema, '_city');

const contactShape = shapeOf(contactSchema);
const eventShape = shapeOf(eventSchema);

/** Item fields that the build writes itself, never front matter. */
export const DERIVED_ITEM_FIELDS = ['content_html', 'content_text', 'author', '_city'] as const;

/**
 * The front matter of an item file: the item's JSON Feed fields and its `_city` fields side by
 * side (they share no name), less what the build derives (content, translations), plus
 * `translation_key` and `format`.
 */
export const FRONT_MATTER: Shape = {
  fields: {
    ...without(shapeOf(itemSchema).fields, DERIVED_ITEM_FIELDS),
    ...without(shapeOf(citySchema).fields, ['translations', 'event', 'contact']),
    event: {
      fields: {
        ...eventShape.fields,
        // An entry is a contact item's id or an inline contact.
        contacts: { items: contactShape },
      },
    },
    contact: contactShape,
    translation_key: {},
    format: {},
  },
};

export const FRONT_MATTER_HINTS: Record<string, string> = {
  content_html:
    'The text below the front matter is the item\'s content (Markdown, or plain text with "format: text").',
  content_text:
    'The text below the front matter is the item\'s content (Markdown, or plain text with "format: text").',
  translations: 'Give every language version of an item the same "translation_key" instead.',
  author: 'Write "authors", a list: authors: [{ name: … }].',
  _city: 'Write its fields (kind, slug, event, contact, …) directly in the front matter.',
};

/** `feed.yaml`: the feed's top-level JSON Feed fields and its `_city` fields side by side, and paging. */
export const FEED_SETTINGS: Shape = {
  fields: {
    ...without(shapeOf(feedSchema).fields, ['version', 'next_url', 'items', '_city']),
    ...shapeOf(feedCitySchema).fields,
    paging: { fields: { head_items: {}, archive_items: {} } },
  },
};

export const FEED_SETTINGS_HINTS: Record<string, string> = {
  version: 'The build always writes JSON Feed 1.1.',
  next_url: 'The build writes the archive pages and their next_url itself.',
  items: 'Items are the Markdown files of the content folder.',
  _city: 'Write its fields (city, timezone, languages, tags, about) directly in feed.yaml.',
};

/** A valibot issue's path as a path in the front matter. */
export function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((step) => step.key as string | number);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'fields (key: value lines)',
};

function valueWords(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return 'fields';
}

/**
 * A schema issue in words for the person who wrote the value; `yaml` adds what to do about a
 * number or `true` where text belongs (YAML reads `phone: 7505550101` as a number).
 */
export function explainIssue(issue: v.BaseIssue<unknown>, yaml = false): string {
  const custom = !issue.message.startsWith('Invalid');
  if (issue.input === undefined) return custom ? issue.message : 'This field is required.';
  const want = TYPE_WORDS[issue.type];
  if (issue.kind === 'schema' && want) {
    const quote =
      yaml && issue.type === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean')
        ? ' Put it in quotes ("…") to keep it as written.'
        : '';
    return `Should be ${want}, not ${valueWords(issue.input)}.${quote}`;
  }
  if (issue.type === 'picklist') {
    return `Should be one of ${issue.expected?.replace(/^\(|\)$/g, '').replace(/ \| /g, ', ')}, not ${valueWords(issue.input)}.`;
  }
  if (issue.type === 'union') return `Should be text, not ${valueWords(issue.input)}.`;
  return custom ? issue.message : `${issue.message}.`;
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?$/;
const SHORT_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})([Zz]|[+-]\d{2}:\d{2})$/;
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC offset of `zone` around a local time (`+08:00`), to suggest in a message. */
export function offsetOf(zone: string, local: string): string {
  const at = Date.parse(`${local}Z`);
  const name =
    new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(Number.isNaN(at) ? 0 : at)
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/**
 * Why `value` is not an RFC 3339 date-time with an offset, as the app needs it, with the value
 * to write instead where one can be guessed (the zone's offset); undefined when it is one.
 */
export function dateTimeProblem(value: string, zone: string): string | undefined {
  if (DATE_TIME.test(value)) {
    return Number.isNaN(Date.parse(value)) ? `"${value}" is not a real date and time.` : undefined;
  }
  const local = LOCAL_TIME.exec(value);
  if (local) {
    const fixed = `${local[1]}T${local[2]}${local[3] ?? ':00'}`;
    return `"${value}" has no UTC offset, so it could be any time zone's: write ${fixed}${offsetOf(zone, fixed)} for ${zone} time.`;
  }
  const short = SHORT_TIME.exec(value);
  if (short) return `"${value}" has no seconds: write ${short[1]}T${short[2]}:00${short[3]}.`;
  if (DATE_ONLY.test(value)) {
    return `"${value}" is a date without a time: write a date and time with an offset, such as ${value}T09:00:00${offsetOf(zone, `${value}T09:00:00`)}.`;
  }
  return `"${value}" is not a date and time like 2027-03-20T10:00:00+08:00 (RFC 3339, with an offset).`;
}
