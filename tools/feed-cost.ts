/**
 * What a city's readers cost its servers, measured for docs/deployment.md ("What a million
 * phones cost"):
 *
 * 1. the bytes of a built feed's pages, raw, gzip -9 and brotli -q 11: the demo, and a city feed
 *    of some 320 items (the demo's, copied with new ids and older dates) with the default paging;
 * 2. what one phone costs on the wire behind the documented nginx (tools/support/nginx.ts, its
 *    own `$request_length` and `$bytes_sent`), in Chromium: a first visit, an app open with the
 *    feed unchanged, and an open after one story was published.
 *
 * After a build: `npx vite build && npx tsx tools/feed-cost.ts`. It prints Markdown tables.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { parseDocument } from 'yaml';
import { chromiumLaunch } from './support/chromium';
import { copyBuild, removeCopy, startNginx, type LoggedRequest } from './support/nginx';
import { buildFeed, type BuiltFile } from '../packages/feed/src/build';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sizes(text: string): { raw: number; gzip: number; brotli: number } {
  const bytes = Buffer.from(text);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function pageRows(label: string, files: BuiltFile[]): string[] {
  return files.map((file) => {
    const items = (JSON.parse(file.text) as { items: unknown[] }).items.length;
    const s = sizes(file.text);
    const name =
      file.path === 'feed.json'
        ? 'head `feed.json`'
        : `archive \`${file.path.replace(/-[0-9a-f]{12}/, '-…')}\``;
    return `| ${label} | ${name} | ${items} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`;
  });
}

/** The demo content, plus `copies` copies of every item with new ids and dates `copies × 60` days older. */
function cityContent(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'citylink-city-'));
  cpSync(resolve('content'), dir, { recursive: true });
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  for (let copy = 1; copy <= copies; copy++) {
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const doc = parseDocument(front);
      const suffix = (value: unknown) => `${String(value)}-c${copy}`;
      for (const key of ['id', 'slug', 'translation_key']) doc.set(key, suffix(doc.get(key)));
      for (const key of ['date_published', 'date_modified']) {
        const value = doc.get(key);
        if (typeof value === 'string') {
          doc.set(
            key,
            new Date(Date.parse(value) - copy * 60 * 86_400_000).toISOString().replace('.000Z', 'Z'),
          );
        }
      }
      const contacts = doc.getIn(['event', 'contacts']) as { items: { value?: unknown }[] } | undefined;
      for (const entry of contacts?.items ?? []) {
        if (typeof entry.value === 'string') entry.value = suffix(entry.value);
      }
      const name = file.replace(
        /(\.[A-Za-z-]+)?\.md$/,
        (_, language?: string) => `-c${copy}${language ?? ''}.md`,
      );
      writeFileSync(join(dir, name), `---\n${doc.toString()}---\n${body}`);
    }
  }
  return dir;
}

function feedSizes(): string[] {
  const demo = buildFeed(resolve('content'));
  const cityDir = cityContent(6);
  const city = buildFeed(cityDir, { headItems: 20, archiveItems: 20 });
  rmSync(cityDir, { recursive: true, force: true });
  for (const result of [demo, city]) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new Error(JSON.stringify(errors.slice(0, 3)));
  }
  const archives = city.files.filter((f) => f.path !== 'feed.json').map((f) => sizes(f.text));
  const mean = (key: 'raw' | 'gzip' | 'brotli') =>
    archives.reduce((sum, s) => sum + s[key], 0) / archives.length;
  return [
    '| feed | page | items | raw | gzip -9 | brotli -q 11 |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...pageRows('demo (head 10, archives of 15)', demo.files),
    ...pageRows(`city of ${city.items} items (defaults: head 20, archives of 20)`, city.files.slice(0, 2)),
    `| city of ${city.items} items | mean of its ${archives.length} archives | 20 | ${kb(mean('raw'))} | ${kb(mean('gzip'))} | ${kb(mean('brotli'))} |`,
  ];
}

/** One phone behind nginx: a first visit, an open with nothing new, an open after a new story. */
async function phoneCost(): Promise<string[]> {
  const root = copyBuild(resolve('dist'));
  const nginx = await startNginx(root);
  const browser = await chromium.launch(chromiumLaunch);
  const rows: string[] = [
    '| app open | requests | sent by the server | received | what |',
    '| --- | ---: | ---: | ---: | --- |',
  ];
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    let mark = 0;
    const step = (label: string): void => {
      const all = nginx.requests();
      const done: LoggedRequest[] = all.slice(mark);
      mark = all.length;
      const sent = done.reduce((sum, r) => sum + r.sent, 0);
      const received = done.reduce((sum, r) => sum + r.received, 0);
      const what = done.map((r) => `${r.uri.replace(/-[A-Za-z0-9_-]{8,}\./, '-….')} ${r.status}`).join(', ');
      rows.push(
        `| ${label} | ${done.length} | ${kb(sent)} | ${kb(received)} | ${what.length > 160 ? `${what.slice(0, 160)}…` : what} |`,
      );
    };
    const synced = async () => {
      await page.waitForSelector('html[data-synced]', { state: 'attached', timeout: 30_000 });
      // The worker's own requests after the page's (its image cache) end with the network idle.
      await page.waitForLoadState('networkidle');
    };
    mark = nginx.requests().length;
    await page.goto(`${nginx.origin}/`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    });
    await synced();
    step('first visit (install: precache, feed, images)');
    await page.reload();
    await synced();
    step('open, feed unchanged');
    // Coming back to the app checks for a new version (src/pwa/worker.ts, at most once a minute).
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    step('return to the app: update check, no new version');
    const feed = JSON.parse(readFileSync(join(root, 'feed.json'), 'utf8')) as {
      items: Record<string, unknown>[];
    };
    const story = {
      ...feed.items[0],
      id: 'news-cost-new',
      title: 'A new story',
      date_published: '2030-01-01T09:00:00+08:00',
    };
    feed.items.unshift(story);
    writeFileSync(join(root, 'feed.json'), `${JSON.stringify(feed, null, 2)}\n`);
    await page.reload();
    await synced();
    step('open, one story published');
    await context.close();
  } finally {
    await browser.close();
    await nginx.stop();
    removeCopy(root);
  }
  return rows;
}

console.log(feedSizes().join('\n'));
console.log();
console.log((await phoneCost()).join('\n'));
