import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// A check of the build itself (no browser): what the worker precaches.
const sw = readFileSync(new URL('../../dist/sw.js', import.meta.url), 'utf8');
const precached = [...sw.matchAll(/"?url"?:\s*"([^"]+)"/g)].map((m) => m[1] ?? '');

test('the precache lists the app shell', () => {
  expect(precached).toContain('index.html');
  expect(precached.some((url) => /^assets\/index-[\w-]+\.js$/.test(url))).toBe(true);
  expect(precached.some((url) => /\.css$/.test(url))).toBe(true);
});

test('the precache does not list the feed', () => {
  expect(precached.length).toBeGreaterThan(3);
  expect(precached.filter((url) => /feed/i.test(url))).toEqual([]);
});

test('the worker is a classic script, not an ES module', () => {
  expect(sw).not.toMatch(/^export\s|\bexport\s+default\b|^import\s/m);
});
