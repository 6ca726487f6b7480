import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyPolicy,
  feedOrigin,
  pushOrigin,
  frameAncestors,
  headerPolicy,
  htmlFileFor,
  pagePolicy,
  policyOf,
  runsAsScript,
  staticHeaderPolicy,
  workerPolicy,
} from './csp';

// Hashes computed apart from the code under test: printf '…' | openssl dgst -sha256 -binary | base64
const READY = "'sha256-asm8aAmFS8uQhg2Eqy2o33b0pmZM8bVE6479NcKZ0mk='"; // window.ready = true;
const A_NEWLINE_B = "'sha256-fhj3NzEbLcOy8mndeDlrA1HxT7Zu+oefdoyyMYGIPHg='"; // a\nb
const RED = "'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='"; // body{color:red}

const page = (head: string, body = '') =>
  `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>T</title>\n${head}\n  </head>\n  <body>${body}</body>\n</html>\n`;

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((entry) => entry.split(' ')[0] === name)
    ?.split(' ')
    .slice(1);

describe('the policy', () => {
  const policy = pagePolicy({ scripts: ['sha256-abc='], styles: [] });

  it('allows scripts from the site and by hash only: no inline, no eval', () => {
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'report-sample'", "'sha256-abc='"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
  });

  it('takes images from any https host and nothing else from other hosts', () => {
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'https:', 'data:']);
    for (const [name, ...sources] of policy.split('; ').map((entry) => entry.split(' '))) {
      if (name === 'img-src' || name === 'trusted-types' || name === 'require-trusted-types-for') continue;
      expect(
        sources.every((source) => source.startsWith("'")),
        `${name ?? ''}`,
      ).toBe(true);
    }
  });

  it('connects to the push service when it lives on another host', () => {
    const policy = (settings: { feedOrigin?: string; pushOrigin?: string }) =>
      directive(pagePolicy({ scripts: [], styles: [] }, settings), 'connect-src');
    expect(policy({ pushOrigin: 'https://push.example.org' })).toEqual([
      "'self'",
      'https://push.example.org',
    ]);
    expect(policy({ feedOrigin: 'https://x.example.org', pushOrigin: 'https://x.example.org' })).toEqual([
      "'self'",
      'https://x.example.org',
    ]);
    expect(pushOrigin('/push/')).toBeUndefined();
    expect(pushOrigin('https://push.example.org/push/')).toBe('https://push.example.org');
    expect(() => pushOrigin('data:text/plain,x')).toThrow(/VITE_PUSH_URL/);
  });

  it('connects to the feed origin when the feed lives elsewhere', () => {
    expect(
      directive(
        pagePolicy({ scripts: [], styles: [] }, { feedOrigin: 'https://feeds.example.org' }),
        'connect-src',
      ),
    ).toEqual(["'self'", 'https://feeds.example.org']);
    expect(feedOrigin(undefined)).toBeUndefined();
    expect(feedOrigin('/feed.json')).toBeUndefined();
    expect(feedOrigin('https://feeds.example.org/city/feed.json?x=1')).toBe('https://feeds.example.org');
    expect(() => feedOrigin('javascript:alert(1)')).toThrow(/http/);
  });

  it('enforces Trusted Types for script sinks, with the app policies only', () => {
    expect(directive(policy, 'require-trusted-types-for')).toEqual(["'script'"]);
    expect(directive(policy, 'trusted-types')).toEqual([
      'default',
      'citylink-inspect',
      'citylink-worker',
      'citylink-traditional',
      'citylink-hours',
      'dompurify',
    ]);
  });

  it('puts frame-ancestors in the header only (a <meta> cannot carry it)', () => {
    expect(directive(policy, 'frame-ancestors')).toBeUndefined();
    expect(directive(headerPolicy(policy, frameAncestors({})), 'frame-ancestors')).toEqual(["'none'"]);
    expect(frameAncestors({ CITYLINK_FRAME_ANCESTORS: 'https://portal.example.org' })).toBe(
      'https://portal.example.org',
    );
  });

  it('has a static header form without the per-page directives, for servers that send one header', () => {
    const header = staticHeaderPolicy({}, "'none'");
    for (const name of ['default-src', 'script-src', 'style-src'])
      expect(directive(header, name), name).toBeUndefined();
    expect(directive(header, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(header, 'object-src')).toEqual(["'none'"]);
    expect(directive(header, 'require-trusted-types-for')).toEqual(["'script'"]);
  });

  it('is written out in docs/deployment.md as the build makes it', () => {
    const docs = readFileSync(new URL('../docs/deployment.md', import.meta.url), 'utf8');
    expect(docs).toContain(staticHeaderPolicy({}, "'none'"));
    expect(docs).toContain(workerPolicy());
  });

  it('lets the worker fetch https images and the feed, and run no other code', () => {
    expect(workerPolicy({ feedOrigin: 'http://feeds.local' })).toBe(
      "default-src 'none'; script-src 'self'; connect-src 'self' https: http://feeds.local",
    );
  });
});

describe('applyPolicy', () => {
  it('hashes each inline script and style of the page, and not the ones with src or data blocks', () => {
    const html = page(
      '<script>window.ready = true;</script><script src="/a.js"></script><style>body{color:red}</style>',
      '<script type="application/json">{"a":1}</script><script type="module">a\nb</script>',
    );
    const { policy } = applyPolicy(html);
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'report-sample'", READY, A_NEWLINE_B]);
    expect(directive(policy, 'style-src')).toEqual(["'self'", RED]);
  });

  it('hashes what the browser hashes: CRLF read as LF, entities left as written', () => {
    expect(directive(applyPolicy(page('<script>a\r\nb</script>')).policy, 'script-src')).toEqual([
      "'self'",
      "'report-sample'",
      A_NEWLINE_B,
    ]);
    const entity = applyPolicy(page('<script>x = "&amp;";</script>')).policy;
    expect(directive(entity, 'script-src')?.[2]).not.toBe(
      directive(applyPolicy(page('<script>x = "&";</script>')).policy, 'script-src')?.[2],
    );
  });

  it('gives each page the hashes of its own scripts (server-rendered data differs per page)', () => {
    const one = applyPolicy(page('<script>self.$R = [1];</script>')).policy;
    const two = applyPolicy(page('<script>self.$R = [2];</script>')).policy;
    expect(one).not.toBe(two);
  });

  it('inserts the policy right after <meta charset>, before any script, once', () => {
    const { html, policy } = applyPolicy(page('<script>window.ready = true;</script>'));
    expect(html).toContain(
      `<meta charset="UTF-8" /><meta http-equiv="Content-Security-Policy" content="${policy}" />\n    <title>`,
    );
    expect(policyOf(html)).toBe(policy);
    // A second run (or a page copied from the shell) replaces the policy instead of adding one.
    const again = applyPolicy(html);
    expect(again.html).toBe(html);
    const changed = applyPolicy(html.replace('window.ready = true;', 'a\nb'));
    expect(changed.html.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(directive(changed.policy, 'script-src')).toEqual(["'self'", "'report-sample'", A_NEWLINE_B]);
  });

  it('inserts first in <head> when there is no charset first', () => {
    const { html } = applyPolicy('<html><head><script>a\nb</script></head><body></body></html>');
    expect(html).toMatch(
      /^<html><head><meta http-equiv="Content-Security-Policy" content="[^"]+" \/><script>/,
    );
  });

  it('stops the build on markup that no hash can allow', () => {
    expect(() =>
      applyPolicy(page('', '<button onclick="go()">Go</button>'), {}, 'news/x/index.html'),
    ).toThrow(/news\/x\/index\.html.*\n.*<button onclick>: an inline event handler/);
    expect(() => applyPolicy(page('', '<a href=" javascript:go()">Go</a>'))).toThrow(/javascript: URL/);
    expect(() => applyPolicy(page('', '<p style="color:red">Go</p>'))).toThrow(/inline style attribute/);
    expect(() => applyPolicy('<p>no head</p>')).toThrow(/no <head> tag/);
  });
});

describe('runsAsScript', () => {
  it('tells scripts from data blocks', () => {
    for (const type of [null, '', 'module', 'text/javascript', ' TEXT/JavaScript ', 'importmap']) {
      expect(runsAsScript(type), String(type)).toBe(true);
    }
    for (const type of ['application/json', 'application/ld+json', 'text/x-template']) {
      expect(runsAsScript(type), type).toBe(false);
    }
  });
});

describe('htmlFileFor: the page vite preview answers a path with', () => {
  let dist = '';
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it('finds files, folders with an index.html, and falls back to the shell for app addresses', () => {
    dist = mkdtempSync(join(tmpdir(), 'csp-'));
    mkdirSync(join(dist, 'news', 'a'), { recursive: true });
    for (const file of ['index.html', 'news/a/index.html', 'offline.html', 'app.js']) {
      writeFileSync(join(dist, file), '');
    }
    expect(htmlFileFor(dist, '/')).toBe(join(dist, 'index.html'));
    expect(htmlFileFor(dist, '/news/a?utm=1')).toBe(join(dist, 'news/a/index.html'));
    expect(htmlFileFor(dist, '/news/a/index.html')).toBe(join(dist, 'news/a/index.html'));
    expect(htmlFileFor(dist, '/offline')).toBe(join(dist, 'offline.html'));
    expect(htmlFileFor(dist, '/events/unknown')).toBe(join(dist, 'shell.html'));
    expect(htmlFileFor(dist, '/app.js')).toBeUndefined();
    expect(htmlFileFor(dist, '/missing.png')).toBeUndefined();
    expect(htmlFileFor(dist, '/../../etc/passwd')).toBeUndefined();
    expect(htmlFileFor(dist, '/%E0%A4%A')).toBeUndefined();
  });
});
