import { describe, expect, it } from 'vitest';
import { reachesOrigin } from './reachability';

const ORIGIN = 'https://citylink.example.org';

describe('reachesOrigin', () => {
  it('asks the origin itself with a HEAD that no cache answers', async () => {
    const asked: [string, RequestInit | undefined][] = [];
    const reached = await reachesOrigin(`${ORIGIN}/news/some-story?q=1`, (url, init) => {
      asked.push([url instanceof Request ? url.url : url.toString(), init]);
      return Promise.resolve(new Response(null, { status: 200 }));
    });
    expect(reached).toBe(true);
    expect(asked.map(([url, init]) => [url, init?.method, init?.cache])).toEqual([
      [`${ORIGIN}/`, 'HEAD', 'no-store'],
    ]);
  });

  it('counts any answer, an error status too, as reaching the network', async () => {
    expect(await reachesOrigin(ORIGIN, () => Promise.resolve(new Response(null, { status: 503 })))).toBe(
      true,
    );
  });

  it('is false when the request fails at the network level', async () => {
    expect(await reachesOrigin(ORIGIN, () => Promise.reject(new TypeError('Failed to fetch')))).toBe(false);
  });

  it('is false when no answer comes in time', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    expect(await reachesOrigin(ORIGIN, hanging, 20)).toBe(false);
  });
});
