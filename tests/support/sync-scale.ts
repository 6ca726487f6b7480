/**
 * Runs `syncFeed()` over one page of `SIZE` items, then over the same page with `RETRACTED` of
 * them retracted, and prints what each sync reported (and how long it took) as one JSON line.
 *
 * `src/data/sync-scale.test.ts` starts it in a Node process whose stack is the size of a
 * Chromium worker's (`node --stack-size=500`: both take about 63,000 arguments in one call), as
 * the sync runs in a worker: a spread of the feed into a call overflows there, not in Vitest's
 * larger stack.
 */
import { findItem } from '../../src/data/db';
import { syncFeed } from '../../src/data/sync';

const SIZE = 100_000;
/** Retracted ids in the second page, spread over the feed. */
const RETRACTED = 1_000;
const FEED = 'https://city.example.org/feed.json';

function page(retract: boolean): string {
  const items: unknown[] = [];
  for (let i = 0; i < SIZE; i++) {
    const id = `n${i}`;
    if (retract && i % (SIZE / RETRACTED) === 0) items.push({ id, _city: { deleted: true } });
    else
      items.push({
        id,
        title: `Item ${i}`,
        content_text: `Body ${i}`,
        date_published: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
      });
  }
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Big', items });
}

async function main(): Promise<void> {
  // The data layer says once that it keeps content in memory: not news here.
  console.warn = () => undefined;
  const bodies = [page(false), page(true)];
  let call = 0;
  const fetch = (() => Promise.resolve(new Response(bodies[call++]))) as typeof globalThis.fetch;
  const timed = async () => {
    const start = performance.now();
    const report = await syncFeed({ feedUrl: FEED, fetch });
    const { outcome, added, error } = report;
    const ms = Math.round(performance.now() - start);
    return { outcome, added, error, stored: report.stored.length, removed: report.removed, ms };
  };
  const first = await timed();
  const second = await timed();
  const gone = (await findItem('news', 'n0')) === undefined;
  const kept = (await findItem('news', 'n1')) !== undefined;
  process.stdout.write(
    `${JSON.stringify({ size: SIZE, retracted: RETRACTED, first, second, gone, kept })}\n`,
  );
}

await main();
