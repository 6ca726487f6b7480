/**
 * `npm run bench`: speed and size of the production build, measured rather than asserted
 * (issue 10). Builds the app, serves it with `vite preview` on 127.0.0.1 only, and prints one
 * table, also written to bench/results.json:
 * - Lighthouse, mobile profile as it comes (simulated slow 4G, CPU 4x), for `/` and an item
 *   page, each run interleaved with the floor: the same HTML without JavaScript;
 * - offline repeat visit in Chromium with the CPU slowed 4x, against the first visit on slow 4G
 *   (and, for reference, against one with no network throttling, and against the static floor
 *   page of the same screen opened again in a new tab);
 * - ingest of 5,000 items into IndexedDB in Chromium, against one transaction per item;
 * - search p95 over 5,000 items (tools/bench-search.ts, also `npm run bench:search`);
 * - the main thread during a first sync of 5,000 items in the built app, and the DOM after it;
 * - INP: taps and keystrokes of a reader's session on the app with that feed, CPU 4x
 *   (tools/bench/inp.ts), p75 and the slowest interaction with its cause;
 * - an event page and a contact page opened cold, CPU 4x, in English and Chinese
 *   (tools/bench/cold.ts): the longest task and the script behind it;
 * - bytes (tools/bytes.ts): entry HTML, JavaScript before interactive, first-visit transfer,
 *   precache.
 * Every figure is a median, and every ratio is against a baseline measured in the same run.
 *
 * Usage: npm run bench [-- --runs 5 --sync-runs 3 --quick --no-build --items 5000
 *                          --only bytes,lighthouse,offline,ingest,search,sync,inp,cold --port 4301]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchSearch, BUDGET_MS, searchSummary } from './bench-search';
import {
  firstSync,
  firstVisitTransfer,
  floorRepeatVisit,
  languageSwitch,
  repeatVisit,
  type FirstSync,
  type RepeatVisit,
} from './bench/browser';
import { generateFeed } from './bench/feed';
import { benchIngest } from './bench/ingest';
import { coldOpen, type ColdRun } from './bench/cold';
import { inpSession, percentile, type InpRun } from './bench/inp';
import type { IngestRun } from './bench/ingest-page';
import { runLighthouse, type LighthouseRun } from './bench/lighthouse';
import { floorSite, largeFeedSite, serve, type Site } from './bench/site';
import { BUDGET, entryHtml, interactiveJs, precache } from './bytes';
import { parseFeed } from '../packages/core/src/parse';
import { itemPath } from '../packages/core/src/paths';
import { displayTitle } from '../packages/core/src/text';
import { wholeFeed } from './support/demo-feed';

// ---- settings ---------------------------------------------------------------------------

const argv = process.argv.slice(2);
const has = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const number = (name: string, fallback: number) => {
  const raw = value(name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} takes a whole number, not "${raw}"`);
  return n;
};
const SECTIONS = ['bytes', 'lighthouse', 'offline', 'ingest', 'search', 'sync', 'inp', 'cold'] as const;
type Section = (typeof SECTIONS)[number];
const only = value('only')?.split(',') ?? [...SECTIONS];
for (const name of only) {
  if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only: no section "${name}"`);
}
const quick = has('quick');
const settings = {
  /** Runs of Lighthouse (per page and side), of the repeat visit and of ingest. */
  runs: number('runs', quick ? 1 : 5),
  /** Runs of the large first sync: about a minute each today, so fewer by default. */
  syncRuns: number('sync-runs', quick ? 1 : 3),
  searchRounds: number('rounds', quick ? 3 : 15),
  items: number('items', 5000),
  /** The CPU slowdown of the Chromium runs: a mid-range phone. */
  cpu: 4,
  /** Ingest runs at full speed: it is a ratio of two ways to store, and slow either way. */
  ingestCpu: 1,
  port: number('port', 4301),
  build: !has('no-build'),
  sections: only as Section[],
};
const run = (section: Section) => settings.sections.includes(section);

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const progress = (line: string) => process.stderr.write(`  … ${line}\n`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

// ---- statistics -------------------------------------------------------------------------

function median(values: readonly (number | null | undefined)[]): number | null {
  const sorted = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---- build and serve --------------------------------------------------------------------

const loadAtStart = load();
const startedAt = new Date();
console.log(`Citylink bench, ${startedAt.toISOString()}`);
console.log(`load average at start: ${loadAtStart} (${cpus().length} CPUs)`);
// Vite warns on every config load that a future loader will want file extensions: not ours here.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
let buildSeconds: number | null = null;
if (settings.build) {
  progress('building (vite build)');
  const start = performance.now();
  try {
    execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
    throw new Error('vite build failed', { cause: error });
  }
  buildSeconds = (performance.now() - start) / 1000;
}

/** The item page measured: the first news item of the build's sitemap (or `--item /news/…`). */
function chooseItem(): { path: string; title: string } {
  // The whole build-time feed: the head and its archive pages, as the prerender stores it.
  const feed = parseFeed(wholeFeed(pathToFileURL(join(dist, 'feed.json'))), {
    baseUrl: 'http://127.0.0.1/feed.json',
    receivedAt: Date.now(),
  });
  if (!feed.ok) throw new Error(`dist/feed.json: ${feed.error}`);
  const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
  const path = value('item') ?? listed.find((p) => p.startsWith('/news/'));
  const item = feed.items.find((candidate) => itemPath(candidate) === path);
  if (!path || !item) throw new Error(`no item page to measure (${path ?? 'none in sitemap.xml'})`);
  return { path, title: displayTitle(item) };
}
const item = chooseItem();
const paths = ['/', item.path];

/**
 * The pages opened cold: the first event of the sitemap with contacts, and the first contact
 * with opening hours (the parser's first evaluation is one of the costs measured).
 */
function chooseColdPaths(): string[] {
  const feed = parseFeed(wholeFeed(pathToFileURL(join(dist, 'feed.json'))), {
    baseUrl: 'http://127.0.0.1/feed.json',
    receivedAt: Date.now(),
  });
  if (!feed.ok) throw new Error(`dist/feed.json: ${feed.error}`);
  const event = feed.items.find(
    (entry) => entry.event && entry.event.contacts.length > 0 && entry.language === 'en',
  );
  const contact = feed.items.find((entry) => entry.contact?.openingHours && entry.language === 'en');
  if (!event || !contact) throw new Error('no event with contacts or contact with opening hours in the feed');
  return [itemPath(event), itemPath(contact)];
}
const titleOf = (path: string) => (path === '/' ? undefined : item.title);

const cleanup: (() => Promise<void> | void)[] = [];
const sites: { app?: Site; floor?: Site; large?: Site } = {};
/** Starts the servers the chosen sections need; each one's teardown goes into `cleanup`. */
async function startSites(): Promise<void> {
  if (run('bytes') || run('lighthouse') || run('offline') || run('cold')) {
    sites.app = await serve(dist, settings.port);
    cleanup.push(() => sites.app?.close());
  }
  if (run('lighthouse') || run('offline')) {
    const copy = floorSite(dist, paths);
    cleanup.push(() => copy.dispose());
    sites.floor = await serve(copy.dir, settings.port + 1);
    cleanup.push(() => sites.floor?.close());
  }
  if (run('sync') || run('inp')) {
    const copy = largeFeedSite(dist, generateFeed(settings.items));
    cleanup.push(() => copy.dispose());
    sites.large = await serve(copy.dir, settings.port + 2);
    cleanup.push(() => sites.large?.close());
  }
}

// ---- the sections -----------------------------------------------------------------------

type Metric = 'fcp' | 'lcp' | 'tbt' | 'cls';
const METRICS: Metric[] = ['fcp', 'lcp', 'tbt', 'cls'];

interface Side {
  runs: LighthouseRun[];
  median: Record<Metric, number | null>;
  errors: string[];
}
const side = (runs: LighthouseRun[]): Side => ({
  runs,
  median: Object.fromEntries(METRICS.map((m) => [m, median(runs.map((r) => r[m]))])) as Record<
    Metric,
    number | null
  >,
  errors: runs.flatMap((r) => (r.error ? [r.error] : [])),
});

async function lighthouseSection() {
  const app = sites.app!;
  const floor = sites.floor!;
  const runs = Object.fromEntries(
    paths.map((p) => [p, { app: [] as LighthouseRun[], floor: [] as LighthouseRun[] }]),
  );
  const total = settings.runs * paths.length * 2;
  let done = 0;
  // Interleaved: app then floor, page by page, run by run, so both meet the same machine.
  for (let i = 0; i < settings.runs; i++) {
    for (const path of paths) {
      for (const which of ['app', 'floor'] as const) {
        progress(`lighthouse ${++done}/${total}: ${which} ${path}`);
        runs[path]![which].push(await runLighthouse(`${(which === 'app' ? app : floor).origin}${path}`));
      }
    }
  }
  return Object.fromEntries(
    paths.map((path) => {
      const a = side(runs[path]!.app);
      const f = side(runs[path]!.floor);
      const ratios = Object.fromEntries(METRICS.map((m) => [m, ratio(a.median[m], f.median[m])]));
      return [path, { app: a, floor: f, ratio: ratios as Record<Metric, number | null> }];
    }),
  );
}

async function offlineSection() {
  const out: Record<
    string,
    {
      first: number | null;
      firstLocal: number | null;
      repeat: number | null;
      ratio: number | null;
      ratioLocal: number | null;
      /** The static floor page of the same screen opened again in a new tab (`floorRepeatVisit`). */
      floorRepeat: number | null;
      ratioFloor: number | null;
      runs: RepeatVisit[];
      floorRuns: (number | null)[];
    }
  > = {};
  const runs: Record<string, RepeatVisit[]> = Object.fromEntries(paths.map((p) => [p, []]));
  const floorRuns: Record<string, (number | null)[]> = Object.fromEntries(paths.map((p) => [p, []]));
  const floorErrors: string[] = [];
  for (let i = 0; i < settings.runs; i++) {
    for (const path of paths) {
      progress(`repeat visit ${i + 1}/${settings.runs}: ${path}`);
      // An offline visit that the worker did not answer is a finding, not a crash: it is counted and shown.
      runs[path]!.push(
        await repeatVisit(sites.app!, path, titleOf(path), settings.cpu).catch((error: unknown) => ({
          first: null,
          firstLocal: null,
          repeat: null,
          error: String(error instanceof Error ? error.message.split('\n')[0] : error),
        })),
      );
      progress(`repeat visit ${i + 1}/${settings.runs}: the static page of ${path}`);
      floorRuns[path]!.push(
        await floorRepeatVisit(sites.floor!, path, titleOf(path), settings.cpu).catch((error: unknown) => {
          floorErrors.push(
            `${path}: ${String(error instanceof Error ? error.message.split('\n')[0] : error)}`,
          );
          return null;
        }),
      );
    }
  }
  for (const path of paths) {
    const list = runs[path]!;
    const first = median(list.map((r) => r.first));
    const firstLocal = median(list.map((r) => r.firstLocal));
    const repeat = median(list.map((r) => r.repeat));
    const floorRepeat = median(floorRuns[path]!);
    out[path] = {
      first,
      firstLocal,
      repeat,
      ratio: ratio(repeat, first),
      ratioLocal: ratio(repeat, firstLocal),
      floorRepeat,
      ratioFloor: ratio(repeat, floorRepeat),
      runs: list,
      floorRuns: floorRuns[path]!,
    };
  }
  const switches: number[] = [];
  for (let i = 0; i < settings.runs; i++) {
    progress(`language switch ${i + 1}/${settings.runs}: a Chinese reader of /`);
    switches.push(await languageSwitch(sites.app!, settings.cpu));
  }
  return { visits: out, floorErrors, languageSwitch: { median: median(switches), runs: switches } };
}

async function ingestSection() {
  progress(`ingest: ${count(settings.runs, 'run')} of syncFeed and of one transaction per item`);
  const runs: IngestRun[] = await benchIngest(
    generateFeed(settings.items),
    settings.runs,
    settings.ingestCpu,
    settings.port + 3,
  );
  const sync = median(runs.map((r) => r.sync));
  const perItem = median(runs.map((r) => r.perItem));
  return { sync, perItem, speedup: ratio(perItem, sync), runs };
}

async function searchSection() {
  progress(`search: ${settings.searchRounds} rounds`);
  const result = await benchSearch({
    items: settings.items,
    rounds: settings.searchRounds,
    throttle: settings.cpu,
  });
  return searchSummary(result);
}

async function syncSection() {
  const runs: FirstSync[] = [];
  for (let i = 0; i < settings.syncRuns; i++) {
    progress(`first sync of ${settings.items} items ${i + 1}/${settings.syncRuns}`);
    runs.push(await firstSync(sites.large!, settings.cpu));
  }
  const of = (key: keyof FirstSync) => median(runs.map((r) => r[key]));
  return {
    longestTask: of('longestTask'),
    longTasks: of('longTasks'),
    longestTaskVisit: of('longestTaskVisit'),
    longTasksVisit: of('longTasksVisit'),
    firstNewsLink: of('firstNewsLink'),
    listNodes: of('listNodes'),
    documentElements: of('documentElements'),
    newsLinks: of('newsLinks'),
    runs,
  };
}

/** A word of the generated feed's first English title: a query with results. */
function inpQuery(): string {
  const feed = JSON.parse(generateFeed(settings.items)) as { items: { title: string; language: string }[] };
  const title = feed.items.find((entry) => entry.language === 'en')?.title ?? '';
  return (
    title
      .split(/\W+/)
      .find((word) => word.length >= 5)
      ?.toLowerCase() ?? 'city'
  );
}

async function inpSection() {
  const query = inpQuery();
  const runs: InpRun[] = [];
  for (let i = 0; i < settings.runs; i++) {
    progress(`INP ${i + 1}/${settings.runs}: a session on ${settings.items} items, typing "${query}"`);
    runs.push(
      await inpSession(sites.large!, settings.cpu, query).catch((error: unknown) => ({
        interactions: [],
        p75: Number.NaN,
        error: String(error instanceof Error ? error.message.split('\n')[0] : error),
      })),
    );
  }
  const done = runs.filter((r) => !r.error);
  // The slowest kind of interaction: each label's median latency over the runs.
  const labels = [...new Set(done.flatMap((r) => r.interactions.map((i) => i.label)))];
  const byLabel = labels.map((label) => {
    const seen = done.flatMap((r) => r.interactions.filter((i) => i.label === label));
    const slowest = seen.reduce((a, b) => (b.latency > a.latency ? b : a));
    return { label, median: median(seen.map((i) => i.latency))!, slowest };
  });
  byLabel.sort((a, b) => b.median - a.median);
  return {
    query,
    p75: median(done.map((r) => r.p75)),
    p75AllRuns: done.length
      ? percentile(
          done.flatMap((r) => r.interactions.map((i) => i.latency)),
          0.75,
        )
      : null,
    slowest: byLabel.slice(0, 3),
    errors: runs.flatMap((r) => (r.error ? [r.error] : [])),
    runs,
  };
}

async function bytesSection() {
  progress('bytes: first visit of / in Chromium');
  const transfer = await firstVisitTransfer(sites.app!);
  const js = await interactiveJs(dist);
  return {
    entryHtml: entryHtml(dist),
    interactiveJs: js.total,
    interactiveJsFiles: js.files,
    firstVisitTransfer: transfer.bytes,
    firstVisitRequests: transfer.requests,
    precache: precache(dist),
  };
}

/** Each cold page in each language, `settings.runs` times, interleaved. */
async function coldSection() {
  const coldPaths = chooseColdPaths();
  const locales = ['en-GB', 'zh-CN'];
  const runs: ColdRun[] = [];
  for (let i = 0; i < settings.runs; i++) {
    for (const path of coldPaths) {
      for (const locale of locales) {
        progress(`cold ${i + 1}/${settings.runs}: ${path} in ${locale}`);
        runs.push(
          await coldOpen(sites.app!, settings.cpu, path, locale).catch((error: unknown) => ({
            path,
            locale,
            longest: Number.NaN,
            tasks: 0,
            error: String(error instanceof Error ? error.message.split('\n')[0] : error),
          })),
        );
      }
    }
  }
  const rows = coldPaths.flatMap((path) =>
    locales.map((locale) => {
      const mine = runs.filter((r) => r.path === path && r.locale === locale && !r.error);
      const worst = mine.reduce<ColdRun | undefined>(
        (a, b) => (!a || b.longest > a.longest ? b : a),
        undefined,
      );
      return {
        path,
        locale,
        longest: median(mine.map((r) => r.longest)),
        tasks: median(mine.map((r) => r.tasks)),
        worst,
      };
    }),
  );
  return { rows, errors: runs.flatMap((r) => (r.error ? [`${r.path} ${r.locale}: ${r.error}`] : [])) };
}

const results: {
  bytes?: Awaited<ReturnType<typeof bytesSection>>;
  lighthouse?: Awaited<ReturnType<typeof lighthouseSection>>;
  offline?: Awaited<ReturnType<typeof offlineSection>>;
  ingest?: Awaited<ReturnType<typeof ingestSection>>;
  search?: Awaited<ReturnType<typeof searchSection>>;
  sync?: Awaited<ReturnType<typeof syncSection>>;
  inp?: Awaited<ReturnType<typeof inpSection>>;
  cold?: Awaited<ReturnType<typeof coldSection>>;
} = {};
try {
  // Inside the try: a port already in use still removes the copies made before it.
  await startSites();
  if (run('bytes')) results.bytes = await bytesSection();
  if (run('lighthouse')) results.lighthouse = await lighthouseSection();
  if (run('offline')) results.offline = await offlineSection();
  if (run('ingest')) results.ingest = await ingestSection();
  if (run('search')) results.search = await searchSection();
  if (run('sync')) results.sync = await syncSection();
  if (run('inp')) results.inp = await inpSection();
  if (run('cold')) results.cold = await coldSection();
} finally {
  for (const step of cleanup.reverse()) await step();
}

// ---- the table --------------------------------------------------------------------------

const ms = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n).toLocaleString('en')} ms`);
const x = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(2)}×`);
const bytes = (n: number) => n.toLocaleString('en');
const cls = (n: number | null) => (n === null ? 'n/a' : n.toFixed(3));
/** Whether a goal is met, or '' when there is nothing to judge. */
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? 'met' : 'NOT MET');
const atMost = (n: number | null, limit: number) => (n === null ? null : n <= limit);

const goals: { measure: string; goal: string; value: string; met: boolean | null }[] = [];
const lines: string[] = [];

function table(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  lines.push(line(head), ...rows.map(line), '');
}

if (results.bytes) {
  const b = results.bytes;
  lines.push('Bytes (gzip -9 and brotli -q 11 per file; transfer as served by vite preview, gzip)');
  table(
    ['measure', 'raw', 'gzip', 'brotli', 'budget', ''],
    [
      [
        'entry HTML of /',
        bytes(b.entryHtml.raw),
        bytes(b.entryHtml.gzip),
        bytes(b.entryHtml.brotli),
        `${bytes(BUDGET.entryHtmlGzip)} gzip`,
        verdict(b.entryHtml.gzip <= BUDGET.entryHtmlGzip),
      ],
      [
        `JS before interactive (${count(b.interactiveJsFiles.length, 'file')})`,
        bytes(b.interactiveJs.raw),
        bytes(b.interactiveJs.gzip),
        bytes(b.interactiveJs.brotli),
        `${bytes(BUDGET.interactiveJsBrotli)} brotli`,
        verdict(b.interactiveJs.brotli <= BUDGET.interactiveJsBrotli),
      ],
      [
        `precache (${count(b.precache.files, 'file')})`,
        bytes(b.precache.total.raw),
        bytes(b.precache.total.gzip),
        bytes(b.precache.total.brotli),
        '',
        '',
      ],
      [
        `first-visit transfer of / (${count(b.firstVisitRequests.length, 'request')})`,
        '',
        bytes(b.firstVisitTransfer),
        '',
        '',
        '',
      ],
    ],
  );
}

if (results.lighthouse) {
  lines.push(
    `Lighthouse mobile (simulated slow 4G, CPU 4x), median of ${count(settings.runs, 'run')} interleaved with the floor (same HTML, no JavaScript)`,
  );
  const rows: string[][] = [];
  for (const [path, r] of Object.entries(results.lighthouse)) {
    for (const m of METRICS) {
      const show = m === 'cls' ? cls : ms;
      const floorCell =
        r.floor.median[m] === null && r.floor.errors.length
          ? `n/a (${r.floor.errors[0]})`
          : show(r.floor.median[m]);
      const appCell =
        r.app.median[m] === null && r.app.errors.length ? `n/a (${r.app.errors[0]})` : show(r.app.median[m]);
      let goal = '';
      let met: boolean | null = null;
      if (m === 'lcp') {
        goal = '≤ 1.15× floor';
        met = atMost(r.ratio.lcp, 1.15);
        goals.push({ measure: `LCP ${path} (app/floor)`, goal, value: x(r.ratio.lcp), met });
      } else if (m === 'cls') {
        goal = '≤ 0.01';
        met = atMost(r.app.median.cls, 0.01);
        goals.push({ measure: `CLS ${path}`, goal, value: cls(r.app.median.cls), met });
      }
      rows.push([
        m === 'fcp' ? path : '',
        m.toUpperCase(),
        appCell,
        floorCell,
        x(r.ratio[m]),
        goal,
        verdict(met),
      ]);
    }
  }
  table(['address', 'metric', 'app', 'floor', 'app/floor', 'goal', ''], rows);
  // Lighthouse's own measure of the machine at each run: on a shared machine it shows the noise.
  const speed = Object.values(results.lighthouse)
    .flatMap((r) => [...r.app.runs, ...r.floor.runs])
    .flatMap((r) => (r.benchmarkIndex === null ? [] : [r.benchmarkIndex]));
  if (speed.length) {
    lines.push(
      `Lighthouse benchmarkIndex over these runs: median ${Math.round(median(speed)!)}, from ${Math.round(Math.min(...speed))} to ${Math.round(Math.max(...speed))} (higher is faster)`,
      '',
    );
  }
}

if (results.offline) {
  lines.push(
    `Repeat visit offline (Chromium, CPU ${settings.cpu}x), LCP, median of ${count(settings.runs, 'run')}; first visit on Lighthouse's slow 4G, and with no network throttling`,
  );
  table(
    [
      'address',
      'first visit (slow 4G)',
      'offline repeat',
      'repeat/first',
      'goal',
      '',
      'first, no throttling',
      'repeat/that',
      'static page again',
      'repeat/static',
    ],
    Object.entries(results.offline.visits).map(([path, r]) => {
      const met = r.repeat === null || r.ratio === null ? null : r.repeat <= 400 && r.ratio <= 0.2;
      goals.push({
        measure: `offline repeat LCP ${path}`,
        goal: '≤ 400 ms and ≤ 0.2× first',
        value: `${ms(r.repeat)}, ${x(r.ratio)}`,
        met,
      });
      return [
        path,
        ms(r.first),
        ms(r.repeat),
        x(r.ratio),
        '≤ 400 ms and ≤ 0.2×',
        verdict(met),
        ms(r.firstLocal),
        x(r.ratioLocal),
        ms(r.floorRepeat),
        x(r.ratioFloor),
      ];
    }),
  );
  lines.push(
    'static page again: the floor page of the same screen (no script, no worker) opened again in a new tab, served here with no throttling',
    '',
  );
  for (const [path, r] of Object.entries(results.offline.visits)) {
    const failed = r.runs.flatMap((run) => (run.error ? [run.error] : []));
    if (failed.length > 0) lines.push(`${path}: ${count(failed.length, 'run')} failed: ${failed.join('; ')}`);
  }
  if (results.offline.floorErrors.length > 0) {
    lines.push(`static page again, failed runs: ${results.offline.floorErrors.join('; ')}`);
  }
  lines.push(
    `A Chinese reader of / (rendered in English) sees the English interface from the first paint until the app has hydrated: median ${ms(results.offline.languageSwitch.median)} (CPU ${settings.cpu}x)`,
    '',
  );
}

if (results.ingest) {
  const r = results.ingest;
  const met = r.speedup === null ? null : r.speedup >= 4;
  goals.push({ measure: 'ingest (per item / syncFeed)', goal: '≥ 4× faster', value: x(r.speedup), met });
  lines.push(
    `Ingest of ${bytes(settings.items)} items into IndexedDB (Chromium, CPU ${settings.ingestCpu}x, on-disk profile), median of ${count(settings.runs, 'run')}`,
  );
  table(
    ['way', 'time', 'speed-up', 'goal', ''],
    [
      ['syncFeed (one transaction per feed page)', ms(r.sync), x(r.speedup), '≥ 4×', verdict(met)],
      ['baseline: one transaction per item', ms(r.perItem), '', '', ''],
    ],
  );
}

if (results.search) {
  const s = results.search;
  const met = s.p95 <= BUDGET_MS;
  goals.push({ measure: 'search p95', goal: `≤ ${BUDGET_MS} ms`, value: `${s.p95.toFixed(1)} ms`, met });
  lines.push(
    `Search over ${bytes(settings.items)} items (Chromium, CPU ${settings.cpu}x, ${settings.searchRounds} rounds; baseline: String.includes scan)`,
  );
  table(
    ['', 'median', 'p95', 'goal', ''],
    [
      [
        'search',
        `${s.median.toFixed(1)} ms`,
        `${s.p95.toFixed(1)} ms`,
        `p95 ≤ ${BUDGET_MS} ms`,
        verdict(met),
      ],
      [
        'search + marks of 30 results',
        `${s.marksMedian.toFixed(1)} ms`,
        `${s.marksP95.toFixed(1)} ms`,
        '',
        '',
      ],
      ['scan', `${s.scanMedian.toFixed(1)} ms`, `${s.scanP95.toFixed(1)} ms`, '', ''],
      ['search/scan', x(ratio(s.median, s.scanMedian)), x(ratio(s.p95, s.scanP95)), '', ''],
    ],
  );
}

if (results.sync) {
  const r = results.sync;
  const met = atMost(r.longestTask, 50);
  goals.push({
    measure: 'longest task during a first sync (from its start)',
    goal: '≤ 50 ms',
    value: ms(r.longestTask),
    met,
  });
  lines.push(
    `First visit of / with a ${bytes(settings.items)}-item feed (built app, Chromium, CPU ${settings.cpu}x), median of ${count(settings.syncRuns, 'run')}`,
  );
  table(
    ['measure', 'value', 'goal', ''],
    [
      ['longest main-thread task, from the sync’s start', ms(r.longestTask), '≤ 50 ms', verdict(met)],
      ['tasks over 50 ms, from the sync’s start', String(r.longTasks ?? 'n/a'), '', ''],
      ['longest task of the whole visit (from navigation)', ms(r.longestTaskVisit), '', ''],
      ['tasks over 50 ms, whole visit', String(r.longTasksVisit ?? 'n/a'), '', ''],
      ['first news link in the page', ms(r.firstNewsLink), '', ''],
      ['DOM nodes of the news list (in <main>)', bytes(r.listNodes ?? 0), '', ''],
      ['news items linked', bytes(r.newsLinks ?? 0), '', ''],
      ['elements in the document', bytes(r.documentElements ?? 0), '', ''],
    ],
  );
}

if (results.inp) {
  const r = results.inp;
  const met = atMost(r.p75, 100);
  goals.push({ measure: 'INP p75 over a scripted session', goal: '≤ 100 ms', value: ms(r.p75), met });
  lines.push(
    `INP over a reader's session on ${bytes(settings.items)} items (Chromium, CPU ${settings.cpu}x): Search, "${r.query}" typed key by key, Events, News, an item, Save, Back; median of ${count(settings.runs, 'run')}`,
  );
  table(
    [
      'interaction',
      'median latency',
      'slowest seen',
      'input delay',
      'processing',
      'presentation',
      'longest script',
    ],
    [
      ['p75 of the session', ms(r.p75), '', '', '', '', ''],
      ...r.slowest.map((s) => [
        s.label,
        ms(s.median),
        ms(s.slowest.latency),
        ms(s.slowest.inputDelay ?? null),
        ms(s.slowest.processing ?? null),
        ms(s.slowest.presentation ?? null),
        s.slowest.script ?? '',
      ]),
    ],
  );
  if (r.errors.length) lines.push(`INP, failed runs: ${r.errors.join('; ')}`, '');
}

if (results.cold) {
  const r = results.cold;
  const longest = r.rows.reduce<number | null>(
    (a, row) => (row.longest === null ? a : Math.max(a ?? 0, row.longest)),
    null,
  );
  goals.push({
    measure: 'longest task, event and contact page opened cold',
    goal: '≤ 50 ms',
    value: ms(longest),
    met: atMost(longest, 50),
  });
  lines.push(
    `An event page and a contact page opened cold (Chromium, CPU ${settings.cpu}x, fresh profile, until hydrated, synced and still for 3 s); median of ${count(settings.runs, 'run')}`,
  );
  table(
    ['page', 'device', 'longest task', 'tasks over 50 ms', 'longest script of the slowest run'],
    r.rows.map((row) => [
      row.path,
      row.locale,
      ms(row.longest),
      String(row.tasks ?? 'n/a'),
      row.worst?.script ?? '',
    ]),
  );
  if (r.errors.length) lines.push(`Cold pages, failed runs: ${r.errors.join('; ')}`, '');
}

if (goals.length) {
  lines.push('Goals (issue 10)');
  table(
    ['measure', 'goal', 'this run', ''],
    goals.map((g) => [g.measure, g.goal, g.value, verdict(g.met)]),
  );
}

const loadAtEnd = load();
console.log(`item page: ${item.path}; runs: ${settings.runs} (first sync: ${settings.syncRuns})\n`);
console.log(lines.join('\n'));
console.log(`load average at start: ${loadAtStart}; at end: ${loadAtEnd}`);

mkdirSync(join(root, 'bench'), { recursive: true });
const chromium = (() => {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
})();
writeFileSync(
  join(root, 'bench', 'results.json'),
  `${JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        node: process.version,
        chromium,
        loadAverage: { start: loadAtStart, end: loadAtEnd },
      },
      settings: { ...settings, itemPage: item.path, buildSeconds },
      goals,
      ...results,
    },
    null,
    2,
  )}\n`,
);
console.log('written to bench/results.json');
