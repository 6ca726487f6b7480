/**
 * Prints the README's "Reliability" figures from what the tests counted in their last run
 * (test-results/reliability/*.json, written through tools/support/figures.ts). Run the unit
 * and end-to-end tests first (`npm test`), then `npm run reliability`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { FIGURES_DIR } from './support/figures';
import { TAKEOVERS } from './support/takeover';

function figure<T>(name: string): T | undefined {
  const file = new URL(`${name}.json`, FIGURES_DIR);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** The generated deliveries that are failures (not a good answer, not a 304). */
const failures = (deliveries: Record<string, number>) =>
  Object.entries(deliveries).filter(([mode]) => mode !== 'ok' && mode !== 'not-modified');
const missing = (name: string) => `(not counted: run the test that writes ${name}.json)`;
const xss = figure<{ payloads: number; ranInApp: number; controlRan: number; controlNeverRuns: number }>(
  'xss',
);
const feeds = figure<{
  parseCases: number;
  syncCases: number;
  syncOutcomes: Record<string, number>;
  deliveries: Record<string, number>;
}>('generated-feeds');
const conformance = figure<{ cases: number; pass: number; warning: number; error: number }>(
  'jsonfeed-conformance',
);
const realFeeds = figure<{ feeds: number; valid: number }>('real-feeds-validate');
const unit = figure<{ held: number; faults: string[] }>('storage-faults-unit');
const e2e = figure<{ tried: number; survived: number; faults: string[] }>('storage-faults-e2e');
const big = figure<{ items: number; retracted: number; firstSyncMs: number; retractingSyncMs: number }>(
  'sync-100k',
);
const bigE2e = figure<{ items: number; firstSyncMs: number; retractingSyncMs: number }>('sync-100k-e2e');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const takeover = ['prerendered', 'live', 'kept'].map((kind) =>
  figure<{
    payloads: number;
    trackerRequests?: number;
    trackerRequestsBeforeTap?: number;
    afterTaps?: number;
  }>(`takeover-${kind}`),
);
const [prerendered, live, kept] = takeover;

const lines = [
  xss
    ? `- **Script injection**: ${xss.payloads} payloads rendered through a feed, ${xss.ranInApp} ran. Negative control: the same payloads inserted unsanitized into the same page, ${xss.controlRan} ran (the other ${xss.controlNeverRuns} cannot run from inserted HTML even unsanitized).`
    : missing('xss'),
  feeds
    ? `- **Generated feeds**: ${feeds.parseCases.toLocaleString('en')} generated documents parsed and ${feeds.syncCases.toLocaleString('en')} generated syncs run, no crash, no stored item lost; the syncs met ${Object.keys(feeds.syncOutcomes).length} outcomes (${Object.entries(
        feeds.syncOutcomes,
      )
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ')}).`
    : missing('generated-feeds'),
  feeds
    ? `- **Fault modes survived** by sync, with every stored item kept: ${failures(feeds.deliveries).length} ways a response fails (${failures(
        feeds.deliveries,
      )
        .map(([mode, count]) => `${mode} ${count}`)
        .join(', ')}), besides bodies that are not JSON or not a feed.`
    : missing('generated-feeds'),
  conformance && realFeeds
    ? `- **JSON Feed 1.1 conformance** of \`citylink-feed validate\`: ${conformance.cases} cases written from the spec (every field in each JSON type, every rule of presence and value), each given its verdict (${conformance.pass} pass, ${conformance.warning} warnings, ${conformance.error} errors); ${realFeeds.valid} of ${realFeeds.feeds} real-world feeds valid.`
    : missing(conformance ? 'real-feeds-validate' : 'jsonfeed-conformance'),
  unit && e2e
    ? `- **Storage faults**: ${unit.held} held in unit tests (${unit.faults.join('; ')}) and ${e2e.survived} of ${e2e.tried} survived end to end in Chromium (${e2e.faults.join('; ')}).`
    : missing(unit ? 'storage-faults-e2e' : 'storage-faults-unit'),
  big && bigE2e
    ? `- **Sync at any size**: a ${big.items.toLocaleString('en')}-item page synced on a worker-sized stack (Node, in-memory store) in ${seconds(big.firstSyncMs)}, and the same page with ${big.retracted.toLocaleString('en')} retractions, all reported, in ${seconds(big.retractingSyncMs)}; in Chromium, a ${bigE2e.items.toLocaleString('en')}-item page stored by a first visit in ${seconds(bigE2e.firstSyncMs)} (from the navigation to the report) and one retraction in it applied, with its kept screen dropped, ${seconds(bigE2e.retractingSyncMs)} after Refresh.`
    : missing(big ? 'sync-100k-e2e' : 'sync-100k'),
  prerendered && live && kept
    ? `- **Takeover by feed HTML** (no script; tools/support/takeover.ts): ${prerendered.payloads} payloads (${TAKEOVERS.map((takeover) => takeover.name).join(', ')}) in one item, on its prerendered page, rendered live and on the screen kept for offline: on each, one tab bar leading to the app's screens, one #root, one h1, no error; requests to the tracker's host ${prerendered.trackerRequests} / ${live.trackerRequestsBeforeTap} / ${kept.trackerRequests}. Negative control: ${live.afterTaps} once its 2 held pictures were pressed.`
    : missing(`takeover-${['prerendered', 'live', 'kept'][takeover.findIndex((f) => !f)]}`),
];
console.log(lines.join('\n'));
