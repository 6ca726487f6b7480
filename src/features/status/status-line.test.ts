import { describe, expect, it } from 'vitest';
import { currentFailure, statusLine } from './status-line';

const minute = 60_000;
const success = 10 * minute;

describe('the status line', () => {
  it('says "updated" while the latest read succeeded, online', () => {
    expect(statusLine({ online: true, lastSuccess: success, failure: undefined })).toEqual({
      kind: 'updated',
      at: success,
    });
  });

  it('never says "updated" beside a failure that came after the success', () => {
    const failure = { kind: 'offline' as const, at: success + 5_000 };
    expect(statusLine({ online: true, lastSuccess: success, failure })).toEqual({
      kind: 'stale',
      at: success,
    });
    expect(currentFailure(failure, success)).toEqual(failure);
  });

  it('forgets a failure that a later success has answered', () => {
    const failure = { kind: 'timeout' as const, at: success - minute };
    expect(currentFailure(failure, success)).toBeUndefined();
    expect(statusLine({ online: true, lastSuccess: success, failure }).kind).toBe('updated');
  });

  it('says which copy shows while offline', () => {
    expect(statusLine({ online: false, lastSuccess: success, failure: undefined })).toEqual({
      kind: 'stale',
      at: success,
    });
  });

  it('says nothing was read yet before any success, failure or not', () => {
    expect(statusLine({ online: true, lastSuccess: undefined, failure: undefined })).toEqual({
      kind: 'never',
    });
    expect(currentFailure({ kind: 'http', at: 1 }, undefined)).toEqual({ kind: 'http', at: 1 });
  });

  it('before anything is kept, says the page shows as the server published it, failure or not', () => {
    const published = 5 * minute;
    for (const failure of [undefined, { kind: 'offline' as const, at: success }]) {
      for (const online of [true, false]) {
        expect(statusLine({ online, lastSuccess: undefined, failure, published })).toEqual({
          kind: 'page',
          at: published,
        });
      }
    }
  });

  it('says the first copy kept while the page is open is kept, until a later success', () => {
    const input = { online: true, failure: undefined, published: minute, firstKept: success };
    expect(statusLine({ ...input, lastSuccess: success })).toEqual({ kind: 'kept' });
    // The worker's first sync, moments after the page's own, is still that news.
    expect(statusLine({ ...input, lastSuccess: success + 2_000 })).toEqual({ kind: 'kept' });
    expect(statusLine({ ...input, lastSuccess: success + 10 * minute })).toEqual({
      kind: 'updated',
      at: success + 10 * minute,
    });
    // Offline, or after a failure, it says which copy shows, kept or not.
    expect(statusLine({ ...input, online: false, lastSuccess: success }).kind).toBe('stale');
  });
});
