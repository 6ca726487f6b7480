import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { contentFeedPlugin } from './city-feed';

// `npm run dev` for a city whose feed is its own content folder: the dev server serves the
// feed the build would write, and a change to the folder is served at once.

const HARBOURTON = new URL('../tests/cities/harbourton/content', import.meta.url).pathname;
let root: string;
let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'citylink-dev-'));
  cpSync(HARBOURTON, join(root, 'content'), { recursive: true });
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [contentFeedPlugin('content')],
    // Vitest turns Vite's file watcher off unless a config asks for it.
    server: { host: '127.0.0.1', port: 0, ws: false, watch: {} },
  });
  await server.listen();
  origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const titles = async (): Promise<string[]> => {
  const response = await fetch(`${origin}/feed.json`);
  expect(response.headers.get('content-type')).toMatch(/^application\/feed\+json/);
  return ((await response.json()) as { items: { title?: string }[] }).items.map((item) => item.title ?? '');
};

it("serves the folder's feed and calendars, as the build writes them", async () => {
  expect(await titles()).toContain('Volunteers wanted for the lantern walk');
  const calendar = await fetch(`${origin}/calendars/en.ics`);
  expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
  expect(await calendar.text()).toMatch(/^BEGIN:VCALENDAR/);
});

it('serves a change to the folder without a restart, and keeps the last feed over an error', async () => {
  const file = join(root, 'content/news/lantern-walk.en.md');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(
    'Volunteers wanted for the lantern walk',
    'Sixty volunteers wanted for the lantern walk',
  );
  // Saved again until it is served: a save during the watcher's first scan of the folder is
  // not seen, as in an editor a moment after `npm run dev`.
  await expect
    .poll(
      () => {
        writeFileSync(file, changed);
        return titles();
      },
      { timeout: 20_000, interval: 500 },
    )
    .toContain('Sixty volunteers wanted for the lantern walk');

  // A broken file: the dev server goes on serving the feed it last built.
  writeFileSync(file, text.replace(/^title: .*$/m, 'title: [unclosed'));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(await titles()).toContain('Sixty volunteers wanted for the lantern walk');
});
