import { describe, expect, it } from 'vitest';
import type { SyncReport } from '../../data/messages';
import { followReports } from './network-check';

let finished = 0;

/** A new report (each ends at its own time), of a failure of `error`'s kind if given. */
function report(error?: NonNullable<SyncReport['error']>['kind']): SyncReport {
  return {
    outcome: error ? 'failed' : 'unchanged',
    feedUrl: 'https://citylink.example.org/feed.json',
    pages: error ? 0 : 1,
    added: 0,
    changed: 0,
    stored: [],
    removed: [],
    skipped: [],
    warnings: [],
    ...(error ? { error: { kind: error, detail: 'test' } } : {}),
    finishedAt: ++finished,
  };
}

/** A probe whose answers the test gives, one per call, in any order. */
function probes() {
  const answers: ((reached: boolean) => void)[] = [];
  const probe = () => new Promise<boolean>((resolve) => answers.push(resolve));
  return { probe, answer: (call: number, reached: boolean) => answers[call]!(reached) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('followReports', () => {
  it('a network failure with the origin unreachable too: the network does not get through', async () => {
    const { probe, answer } = probes();
    const seen: boolean[] = [];
    const follow = followReports(probe, (reachable) => seen.push(reachable));
    follow(report('offline'));
    answer(0, false);
    await settled();
    expect(seen).toEqual([false]);
  });

  it('a network failure with the origin answering: only the feed server is down', async () => {
    const { probe, answer } = probes();
    const seen: boolean[] = [];
    const follow = followReports(probe, (reachable) => seen.push(reachable));
    follow(report('offline'));
    answer(0, true);
    await settled();
    expect(seen).toEqual([true]);
  });

  it('any other report, or none, asks nothing and says the network is there', () => {
    let probed = 0;
    const seen: boolean[] = [];
    const follow = followReports(
      () => {
        probed++;
        return Promise.resolve(false);
      },
      (reachable) => seen.push(reachable),
    );
    for (const next of [undefined, report(), report('http'), report('timeout'), report('invalid')])
      follow(next);
    expect(probed).toBe(0);
    expect(seen).toEqual([true, true, true, true, true]);
  });

  it('a late answer for an older report never overrides a newer one', async () => {
    const { probe, answer } = probes();
    const seen: boolean[] = [];
    const follow = followReports(probe, (reachable) => seen.push(reachable));
    follow(report('offline'));
    follow(report());
    answer(0, false);
    await settled();
    expect(seen).toEqual([true]);

    follow(report('offline'));
    follow(report('offline'));
    answer(2, true);
    answer(1, false);
    await settled();
    expect(seen).toEqual([true, true]);
  });

  it("a report that comes twice (this tab's answer, then the broadcast) is checked once", async () => {
    const { probe, answer } = probes();
    let probed = 0;
    const seen: boolean[] = [];
    const follow = followReports(
      () => {
        probed++;
        return probe();
      },
      (reachable) => seen.push(reachable),
    );
    const failed = report('offline');
    follow(failed);
    follow({ ...failed });
    answer(0, false);
    await settled();
    expect(probed).toBe(1);
    expect(seen).toEqual([false]);
  });
});
